package org.energyweb.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data folder held by this process, from open to close: the lock that keeps other processes out
 * and the writer's connection to the ledger database in it.
 */
final class LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writerConnection;

    private LedgerStore(Path dataDir, FileChannel lockChannel, FileLock lock, Connection writerConnection) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.writerConnection = writerConnection;
    }

    /** What is built on the opened store; it runs inside the open, so its failure releases the folder again. */
    interface OnOpen<T> {
        T build(LedgerStore store) throws SQLException;
    }

    /**
     * Locks {@code dataDir} (creating it if needed), opens its ledger database for writing (creating
     * its tables if needed) and builds {@code onOpen} on it.
     *
     * @throws LedgerException with a clear reason when the folder cannot be written, is in use by
     *                         another process, or holds something that is not a ledger
     */
    static <T> T open(Path dataDir, OnOpen<T> onOpen) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LedgerException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new LedgerException("the data folder " + dir + " is not writable");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve("ledger.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new LedgerException("the data folder " + dir + " is in use by another Energyweb process");
            }
            LedgerFile.requireIntact(dir);
            Connection connection = Database.openWriter(dir);
            try {
                Schema.create(connection);
                connection.commit();
                return onOpen.build(new LedgerStore(dir, channel, lock, connection));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (IOException e) {
            close(channel);
            throw new LedgerException("cannot lock the data folder " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            close(channel);
            throw new LedgerException(dir.resolve(Database.FILE_NAME) + " is not a readable Energyweb ledger: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing after a failed open: the open's failure is the one reported.
            }
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** The one connection that writes; only the ledger's writer thread uses it once the ledger is open. */
    Connection writerConnection() {
        return writerConnection;
    }

    /** Checkpoints the WAL into the database file, then releases the data folder; called once the writer has stopped. */
    void close() {
        try {
            if (!Database.checkpoint(writerConnection)) {
                LOG.warn("a reader of {} kept the ledger's last commits in {}-wal at close; they are safe there and move into "
                        + "the database at the next start", dataDir.resolve(Database.FILE_NAME), Database.FILE_NAME);
            }
            writerConnection.close();
            lock.release();
            lockChannel.close();
        } catch (SQLException | IOException e) {
            throw new LedgerException("closing the ledger in " + dataDir + " failed: " + e.getMessage(), e);
        }
    }
}
