package org.energyweb.fleet.service;

import org.energyweb.reading.ReadingDocument;

/** What the service does with one inbound reading. */
public sealed interface Verdict {

    /** The next link of its meter's chain: it is stored and will be anchored. */
    record Accepted(ReadingDocument document) implements Verdict {
    }

    /** The same reading delivered again (a producer retry, a replay): dropped, it is already accepted. */
    record Duplicate(String meter, long seq) implements Verdict {
    }

    /**
     * A reading after a gap in its meter's chain: kept as a dead letter with the reason, and accepted
     * once the missing reading arrives and it extends the chain then.
     */
    record Held(String reason) implements Verdict {
    }

    /** Never anchored: kept as a dead letter with the reason, and the partition goes on. */
    record Refused(String reason) implements Verdict {
    }
}
