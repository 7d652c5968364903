package org.energyweb.chain.tx;

import java.math.BigInteger;

/**
 * The gas limit given to a transaction: the node's estimate plus a margin (state can change
 * between estimate and inclusion), never more than a cap, so a bug cannot burn unbounded fees.
 */
public record GasPolicy(BigInteger cap, int marginPercent) {

    /** For one-off transactions such as deployments, whose gas can depend on more than the estimate saw. */
    public static final GasPolicy DEFAULT = new GasPolicy(BigInteger.valueOf(5_000_000), 25);

    /**
     * For meter reads and anchors: they call no other contract and a read only gets cheaper once
     * its asset's slots are set, so the estimate is an upper bound and a small margin suffices. A
     * tight limit matters: a block takes transactions by their gas limit, not the gas they use.
     */
    public static final GasPolicy READINGS = new GasPolicy(BigInteger.valueOf(5_000_000), 10);

    public GasPolicy {
        if (cap.signum() <= 0 || marginPercent < 0) {
            throw new IllegalArgumentException("gas cap must be positive and the margin not negative");
        }
    }

    /** @throws GasCapExceededException when even the bare estimate is above the cap */
    public BigInteger limit(BigInteger estimate) {
        if (estimate.compareTo(cap) > 0) {
            throw new GasCapExceededException("the gas estimate " + estimate + " exceeds the cap " + cap);
        }
        BigInteger withMargin = estimate.multiply(BigInteger.valueOf(100L + marginPercent)).divide(BigInteger.valueOf(100));
        return withMargin.min(cap);
    }

    /** The call needs more gas than allowed; sending it would be refused or wasteful. */
    public static class GasCapExceededException extends RuntimeException {
        public GasCapExceededException(String message) {
            super(message);
        }
    }
}
