package org.energyweb.chain.tx;

import java.math.BigInteger;

/**
 * What a transaction offers to pay per gas: EIP-1559's fee cap and priority fee, or, on a chain
 * without a base fee, one legacy gas price (then {@code maxPriorityFeePerGas} is null).
 */
public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

    public static Fees legacy(BigInteger gasPrice) {
        return new Fees(gasPrice, null);
    }

    public static Fees eip1559(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        return new Fees(maxFeePerGas, maxPriorityFeePerGas);
    }

    public boolean isLegacy() {
        return maxPriorityFeePerGas == null;
    }

    /**
     * The fees of a replacement for the same nonce. Nodes accept a replacement only when both
     * fields rise by at least 10%; 12.5% plus one wei clears that bar after integer rounding.
     */
    public Fees bumped() {
        return new Fees(bump(maxFeePerGas), isLegacy() ? null : bump(maxPriorityFeePerGas));
    }

    private static BigInteger bump(BigInteger value) {
        return value.add(value.shiftRight(3)).add(BigInteger.ONE);
    }

    /** Each field the higher of the two, so a replacement also keeps up with a rising market. */
    public Fees atLeast(Fees market) {
        if (market.isLegacy() != isLegacy()) {
            return this;
        }
        return new Fees(maxFeePerGas.max(market.maxFeePerGas),
                isLegacy() ? null : maxPriorityFeePerGas.max(market.maxPriorityFeePerGas));
    }

    @Override
    public String toString() {
        return isLegacy() ? "gasPrice=" + maxFeePerGas : "maxFee=" + maxFeePerGas + " priorityFee=" + maxPriorityFeePerGas;
    }
}
