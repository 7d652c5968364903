package org.energyweb.ledger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds readings in the ledger of a data folder without opening it for writing, so a running gateway
 * may keep the folder: for commands such as {@code prove} that only read.
 */
public final class LedgerLookup {

    private final LedgerReader reader;

    public LedgerLookup(Path dataDir) {
        this.reader = new LedgerReader(dataDir);
    }

    public Optional<LedgerEntry> find(String meter, long seq) {
        return reader.find(meter, seq);
    }

    /** See {@link Ledger#findBySha256} (indexed). */
    public Optional<LedgerEntry> findBySha256(byte[] sha256) {
        return reader.findBySha256(sha256);
    }

    /** How many readings come before {@code entry} in append order: its leaf index in the transparency log. */
    public long indexOf(LedgerEntry entry) {
        return reader.countBefore(entry.position());
    }
}
