package org.energyweb.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that an existing {@code ledger.db} is a whole SQLite file before the ledger is opened for
 * writing: SQLite would take an empty file for a new database and silently start a new ledger over
 * a lost one, and would only fail on a truncated one at the first read of a missing page.
 */
final class LedgerFile {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;

    private LedgerFile() {
    }

    /** Returns when the folder has no ledger file yet or a whole one; throws naming the file otherwise. */
    static void requireIntact(Path dataDir) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw refused(file, "exists but is empty (0 bytes)");
            }
            ByteBuffer header = ByteBuffer.wrap(readHeader(file));
            if (size < HEADER || !header.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
                throw refused(file, "is not an SQLite database (" + size + " bytes without its header)");
            }
            int pageSize = header.getShort(16) & 0xffff;
            long pages = header.getInt(28) & 0xffffffffL;
            // The header's page count holds only when its change counter matches "version valid for";
            // commits still in the WAL may lie beyond the file, so only a ledger without them is measured.
            boolean countValid = pages > 0 && header.getInt(24) == header.getInt(92);
            long expected = (pageSize == 1 ? 65_536L : pageSize) * pages;
            if (countValid && !hasContent(dataDir.resolve(Database.FILE_NAME + "-wal")) && size < expected) {
                throw refused(file, "is truncated: its header says " + expected + " bytes, the file holds " + size);
            }
        } catch (IOException e) {
            throw new LedgerException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean hasContent(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = new byte[HEADER];
            int read = in.readNBytes(header, 0, HEADER);
            return read == HEADER ? header : new byte[HEADER];
        }
    }

    private static LedgerException refused(Path file, String what) {
        return new LedgerException(file + " " + what + ": it is not a whole ledger, and no new ledger is started over it;"
                + " restore it from a backup, or move it away to start an empty ledger");
    }
}
