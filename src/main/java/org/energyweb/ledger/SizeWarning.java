package org.energyweb.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logs once when the ledger's files pass a size, so an operator hears of a filling disk before
 * SQLite reports it full. Checked after commits, at most every few seconds, since a stat per commit
 * would cost more than it tells.
 */
final class SizeWarning {

    private static final Logger LOG = LoggerFactory.getLogger(SizeWarning.class);
    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;

    private final Path database;
    private final long thresholdBytes;
    private long lastCheck = System.nanoTime() - CHECK_EVERY_NANOS;
    private boolean warned;

    SizeWarning(Path database, long thresholdBytes) {
        this.database = database;
        this.thresholdBytes = thresholdBytes;
    }

    /** Called by the writer thread after a commit. */
    void afterCommit() {
        if (thresholdBytes == 0 || warned || System.nanoTime() - lastCheck < CHECK_EVERY_NANOS) {
            return;
        }
        lastCheck = System.nanoTime();
        long bytes = size(database) + size(database.resolveSibling(database.getFileName() + "-wal"));
        if (bytes > thresholdBytes) {
            warned = true;
            LOG.warn("the ledger {} holds {} MiB, past the warning size of {} MiB; make room on its disk before it fills",
                    database, bytes >> 20, thresholdBytes >> 20);
        }
    }

    boolean warned() {
        return warned;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            // A file that cannot be measured right now is measured at the next check.
            return 0;
        }
    }
}
