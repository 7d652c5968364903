package org.energyweb.ledger;

import java.time.Duration;

/**
 * The ledger's bounds on disk.
 *
 * @param deadLetterMaxRows at most this many dead letters are kept: a warning is logged at 80 %, and
 *                          at the limit the oldest replayed ones are pruned to make room; when none is
 *                          replayed, a new dead letter is refused with an error rather than an
 *                          unreplayed one being dropped
 * @param sizeWarningBytes  a warning is logged once when the database and its write-ahead log together
 *                          pass this size; 0 turns it off
 * @param futureTolerance   a measurement timed later than now plus this is refused: a meter clock that far
 *                          ahead would otherwise block every honest reading after it (time never goes back)
 */
public record LedgerLimits(long deadLetterMaxRows, long sizeWarningBytes, Duration futureTolerance) {

    public static final long DEFAULT_DEAD_LETTER_MAX_ROWS = 1_000_000;
    public static final long DEFAULT_SIZE_WARNING_BYTES = 32L << 30;
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(15);
    public static final LedgerLimits DEFAULT = new LedgerLimits(DEFAULT_DEAD_LETTER_MAX_ROWS, DEFAULT_SIZE_WARNING_BYTES);

    public LedgerLimits(long deadLetterMaxRows, long sizeWarningBytes) {
        this(deadLetterMaxRows, sizeWarningBytes, DEFAULT_FUTURE_TOLERANCE);
    }

    public LedgerLimits {
        if (deadLetterMaxRows < 1) {
            throw new IllegalArgumentException("the dead-letter limit must be at least 1 row, not " + deadLetterMaxRows);
        }
        if (sizeWarningBytes < 0) {
            throw new IllegalArgumentException("the ledger size warning must be 0 (off) or a positive number of bytes, not " + sizeWarningBytes);
        }
        if (futureTolerance == null || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance for measurements timed in the future must be 0 or more, not " + futureTolerance);
        }
    }

    /** The fill level from which the dead-letter store warns. */
    long deadLetterWarningRows() {
        return Math.max(1, deadLetterMaxRows * 8 / 10);
    }
}
