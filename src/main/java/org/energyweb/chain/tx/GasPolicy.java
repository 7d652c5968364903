package org.energyweb.chain.tx;

import java.math.BigInteger;

/**
 * The gas limit given to a transaction: the node's estimate plus a margin (state can change
 * between estimate and inclusion), never more than a cap, so a bug cannot burn unbounded fees.
 */
public record GasPolicy(BigInteger cap, int marginPercent) {

    public static final GasPolicy DEFAULT = new GasPolicy(BigInteger.valueOf(5_000_000), 25);

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
