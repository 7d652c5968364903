package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * Unwraps one acc32 register into a running count: a lower value right after a high one is the
 * register rolling over at 2^32, counted as a wrap; any other drop is left as a drop, for
 * {@link org.energyweb.meter.Plausibility} to reject as a counter going backwards.
 */
final class WrappingCounter {

    static final long MODULUS = 1L << 32;

    private long last = -1;
    private long wraps;
    private long proposedWraps;

    /** The count including earlier wraps; becomes the new state only on {@link #accept()}. */
    BigDecimal unwrap(BigDecimal raw) {
        long count = raw.longValueExact();
        proposedWraps = wraps;
        if (last >= 0 && count < last && isRollover(last, count)) {
            proposedWraps = wraps + 1;
        }
        return BigDecimal.valueOf(count).add(BigDecimal.valueOf(proposedWraps).multiply(BigDecimal.valueOf(MODULUS)));
    }

    /**
     * The register moved forward across 2^32 when the forward distance modulo 2^32 is the short way
     * round; a small drop (say 1000 to 900) is the long way round, so it is a real step backwards.
     */
    private static boolean isRollover(long previous, long current) {
        long forward = Math.floorMod(current - previous, MODULUS);
        return forward < MODULUS / 2;
    }

    void accept(BigDecimal raw) {
        last = raw.longValueExact();
        wraps = proposedWraps;
    }
}
