package org.energyweb.ledger;

import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The durable ledger of a data folder: one hash chain per meter in an embedded SQLite database
 * (WAL). An append completes only after the transaction holding it has committed; appends from
 * many threads are grouped into shared transactions. One process owns a data folder at a time.
 */
public final class Ledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /** Appends that may wait for the writer before {@link #append} blocks the caller. */
    static final int QUEUE_CAPACITY = 100_000;
    /** How long a reader waits for a ledger a gateway is creating (its first moments) before it says so. */
    private static final Duration CREATION_GRACE = Duration.ofSeconds(3);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writerConnection;
    private final Writer writer;
    private final Thread writerThread;
    /** Each meter's newest appended reading, committed or not: the next append chains onto it. */
    private final Map<String, ChainHead> heads = new ConcurrentHashMap<>();
    /** Each meter's newest committed reading: what {@link #head} shows readers. */
    private final Map<String, ChainHead> committedHeads = new ConcurrentHashMap<>();
    /** Each meter's newest append, completing once committed: what a repeated delivery of it gets back. */
    private final Map<String, CompletableFuture<LedgerEntry>> lastAppends = new ConcurrentHashMap<>();
    private final Map<String, Object> meterLocks = new ConcurrentHashMap<>();
    private final LedgerLimits limits;
    private final AtomicLong nextPosition;
    private final DeadLetters deadLetters;
    private final Hops hops;
    private final Settings settings;
    private final NonceStore nonces;
    private final Batches batches;
    private final List<Consumer<List<LedgerEntry>>> appendListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Told of every committed append, e.g. to time appends for metrics; a no-op unless someone listens. */
    private volatile AppendListener appendListener = AppendListener.NONE;

    /** Hears of each committed append; called on the writer's thread, so it must be quick and never throw. */
    @FunctionalInterface
    public interface AppendListener {
        AppendListener NONE = (meter, nanos) -> { };

        /** @param nanos from the call of {@link #append} to its commit */
        void committed(String meter, long nanos);
    }

    private Ledger(Path dataDir, FileChannel lockChannel, FileLock lock, Connection writerConnection, LedgerLimits limits)
            throws SQLException {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.writerConnection = writerConnection;
        this.limits = limits;
        this.nextPosition = new AtomicLong(loadHeads() + 1);
        this.writer = new Writer(writerConnection, QUEUE_CAPACITY,
                new SizeWarning(dataDir.resolve(Database.FILE_NAME), limits.sizeWarningBytes()), this::tellCommittedAppends);
        this.writerThread = new Thread(writer, "energyweb-ledger-writer");
        this.writerThread.start();
        this.deadLetters = new DeadLetters(this, limits);
        this.hops = new Hops(this);
        this.settings = new Settings(this);
        this.nonces = new NonceStore(this);
        this.batches = new Batches(dataDir, this);
    }

    /**
     * Opens (creating if needed) the ledger in {@code dataDir}.
     *
     * @throws LedgerException with a clear reason when the folder cannot be written, is in use by
     *                         another process, or holds something that is not a ledger
     */
    public static Ledger open(Path dataDir) {
        return open(dataDir, LedgerLimits.DEFAULT);
    }

    /** Opens the ledger in {@code dataDir} with the given bounds on its dead letters and size. */
    public static Ledger open(Path dataDir, LedgerLimits limits) {
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
                return new Ledger(dir, channel, lock, connection, limits);
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

    /** Loads every meter's newest reading and returns the highest position in the ledger. */
    private long loadHeads() throws SQLException {
        try (Statement statement = writerConnection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT r.position, r.document FROM reading r JOIN (SELECT meter, MAX(seq) AS seq FROM reading GROUP BY meter) h "
                             + "ON r.meter = h.meter AND r.seq = h.seq")) {
            while (rs.next()) {
                ReadingDocument head = ReadingDocument.parse(rs.getBytes(2));
                heads.put(head.reading().meter(), head.asHead());
                committedHeads.put(head.reading().meter(), head.asHead());
                lastAppends.put(head.reading().meter(), CompletableFuture.completedFuture(new LedgerEntry(rs.getLong(1), head)));
            }
        }
        try (Statement statement = writerConnection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM reading")) {
            rs.next();
            long max = rs.getLong(1);
            writerConnection.commit();
            return max;
        }
    }

    /**
     * Places the measurement at the end of its meter's chain. The future completes once the
     * reading is committed to disk, and fails if it could not be.
     *
     * @throws IllegalArgumentException when the measurement cannot become a reading (a down meter
     *                                  with nothing to carry forward)
     */
    public CompletableFuture<LedgerEntry> append(Measurement measurement) {
        return append(measurement, null);
    }

    /** A write that must commit in the same transaction as an append, or not at all. */
    interface WithAppend {
        void apply(Writer.Statements statements, LedgerEntry appended) throws SQLException;
    }

    /** Appends, and applies {@code with} (when not null) in the transaction holding the reading. */
    CompletableFuture<LedgerEntry> append(Measurement measurement, WithAppend with) {
        requireOpen();
        String meter = measurement.meter();
        // Per-meter lock: a meter's readings enter the write queue in chain order.
        synchronized (meterLocks.computeIfAbsent(meter, m -> new Object())) {
            ChainHead head = heads.get(meter);
            if (isRepeatOf(measurement, head)) {
                return again(lastAppends.get(meter), with);
            }
            requireNotFarAhead(measurement);
            ReadingDocument document = ReadingDocument.of(Reading.next(measurement, head));
            AppendJob job = new AppendJob(document, with);
            writer.submit(job);
            heads.put(meter, document.asHead());
            lastAppends.put(meter, job.result);
            return job.result;
        }
    }

    /**
     * The same measurement delivered again (a retried upload, a file dropped twice): same meter, time
     * and value as the meter's newest reading. It is that reading, not a second one.
     */
    private static boolean isRepeatOf(Measurement measurement, ChainHead head) {
        return head != null && measurement.time().equals(head.time())
                && measurement.energyWh() != null && measurement.energyWh() == head.energyWh();
    }

    /** The reading a repeat stands for; {@code with} still runs, in a transaction of its own after that one's. */
    private CompletableFuture<LedgerEntry> again(CompletableFuture<LedgerEntry> original, WithAppend with) {
        if (with == null) {
            return original;
        }
        return original.thenCompose(entry -> write(statements -> with.apply(statements, entry)).thenApply(done -> entry));
    }

    private void requireNotFarAhead(Measurement measurement) {
        Instant latest = Instant.now().plus(limits.futureTolerance());
        if (measurement.time().isAfter(latest)) {
            throw new IllegalArgumentException("time of meter " + measurement.meter() + " is in the future: " + measurement.time()
                    + " is more than " + limits.futureTolerance().toSeconds() + " s ahead of this machine's clock;"
                    + " the reading is refused (a meter clock that far ahead would block every later reading)");
        }
    }

    /**
     * Registers {@code listener} to be told, on the writer thread and in position order, of the
     * readings of every transaction right after it committed and before their appends complete, so a
     * follower such as the transparency log never misses or reorders one. The listener must be quick
     * and must not throw; what it has not seen (readings committed before it registered, or before a
     * crash) it reads back with {@link #after}.
     *
     * @return what unregisters the listener
     */
    public Runnable onCommittedAppends(Consumer<List<LedgerEntry>> listener) {
        appendListeners.add(listener);
        return () -> appendListeners.remove(listener);
    }

    private void tellCommittedAppends(List<WriteJob> jobs) {
        if (appendListeners.isEmpty()) {
            return;
        }
        List<LedgerEntry> appended = new ArrayList<>(jobs.size());
        for (WriteJob job : jobs) {
            if (job instanceof AppendJob append) {
                appended.add(new LedgerEntry(append.position, append.document));
            }
        }
        if (!appended.isEmpty()) {
            appendListeners.forEach(listener -> listener.accept(appended));
        }
    }

    /** Appends and returns once the reading is committed. */
    public LedgerEntry appendAndWait(Measurement measurement) {
        return await(append(measurement));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the ledger to commit");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LedgerException(e.getCause().getMessage(), e.getCause());
        }
    }

    private final class AppendJob implements WriteJob {
        final ReadingDocument document;
        final WithAppend with;
        final CompletableFuture<LedgerEntry> result = new CompletableFuture<>();
        final long submittedAt = System.nanoTime();
        long position;

        AppendJob(ReadingDocument document, WithAppend with) {
            this.document = document;
            this.with = with;
        }

        @Override
        public void apply(Writer.Statements statements) throws SQLException {
            if (position == 0) {
                position = nextPosition.getAndIncrement();
            }
            PreparedStatement insert = statements.insertReading;
            insert.setLong(1, position);
            insert.setString(2, document.reading().meter());
            insert.setLong(3, document.reading().seq());
            insert.setBytes(4, document.sha256());
            insert.setBytes(5, document.bytes());
            insert.setLong(6, System.currentTimeMillis());
            insert.addBatch();
            if (with != null) {
                with.apply(statements, new LedgerEntry(position, document));
            }
        }

        @Override
        public void committed() {
            // A meter's appends commit in chain order, so the newest commit is the committed head.
            committedHeads.put(document.reading().meter(), document.asHead());
            appendListener.committed(document.reading().meter(), System.nanoTime() - submittedAt);
            result.complete(new LedgerEntry(position, document));
        }

        @Override
        public void failed(Throwable cause) {
            result.completeExceptionally(cause);
        }

        @Override
        public boolean isAppend() {
            return true;
        }
    }

    void submit(WriteJob job) {
        requireOpen();
        writer.submit(job);
    }

    /** Statements run by the writer inside its next transaction. */
    interface Statements {
        void apply(Writer.Statements statements) throws SQLException;
    }

    /** Queues {@code work} for the writer; the future completes once its transaction has committed. */
    CompletableFuture<Void> write(Statements work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new WriteJob() {
            @Override
            public void apply(Writer.Statements statements) throws SQLException {
                work.apply(statements);
            }

            @Override
            public void committed() {
                done.complete(null);
            }

            @Override
            public void failed(Throwable cause) {
                done.completeExceptionally(cause);
            }
        });
        return done;
    }

    /**
     * The meter's newest committed reading. A reading whose append has not committed yet is not
     * shown, so whatever {@code head} returns can be read back with {@link #find} at once.
     */
    /** Replaces the listener told of every committed append ({@link AppendListener#NONE} for none). */
    public void onAppend(AppendListener listener) {
        this.appendListener = listener == null ? AppendListener.NONE : listener;
    }

    /**
     * Why the ledger cannot take appends now (closed, or stopped after a failed commit), or empty when
     * it can: what a health check reports.
     */
    public Optional<String> unhealthyReason() {
        try {
            requireOpen();
            return Optional.empty();
        } catch (LedgerException e) {
            return Optional.of(e.getMessage());
        }
    }

    public Optional<ChainHead> head(String meter) {
        return Optional.ofNullable(committedHeads.get(meter));
    }

    /** Every meter's newest committed reading, as {@link #head} defines it. */
    public Map<String, ChainHead> heads() {
        return Map.copyOf(committedHeads);
    }

    public Optional<LedgerEntry> find(String meter, long seq) {
        return query("SELECT position, document FROM reading WHERE meter = ? AND seq = ?", statement -> {
            statement.setString(1, meter);
            statement.setLong(2, seq);
        }).findFirst();
    }

    /**
     * The reading whose document has this SHA-256. Not indexed (an index would cost every append),
     * so it scans: for occasional lookups such as the status page's.
     */
    public Optional<LedgerEntry> findBySha256(byte[] sha256) {
        return query("SELECT position, document FROM reading WHERE sha256 = ?", statement -> statement.setBytes(1, sha256)).findFirst();
    }

    public Optional<LedgerEntry> at(long position) {
        return query("SELECT position, document FROM reading WHERE position = ?", statement -> statement.setLong(1, position))
                .findFirst();
    }

    /** Every reading after {@code afterPosition} in append order, up to {@code limit}. */
    public java.util.List<LedgerEntry> after(long afterPosition, int limit) {
        return query("SELECT position, document FROM reading WHERE position > ? ORDER BY position LIMIT ?", statement -> {
            statement.setLong(1, afterPosition);
            statement.setInt(2, limit);
        }).toList();
    }

    /** Visits every reading, meter by meter in chain order. */
    public void forEachByMeter(Consumer<LedgerEntry> visitor) {
        readingsInChainOrder(dataDir, visitor);
    }

    static void readingsInChainOrder(Path dataDir, Consumer<LedgerEntry> visitor) {
        try (Connection connection = Database.openReader(dataDir);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT position, document FROM reading ORDER BY meter, seq")) {
            while (rs.next()) {
                visitor.accept(new LedgerEntry(rs.getLong(1), ReadingDocument.parse(rs.getBytes(2))));
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private java.util.stream.Stream<LedgerEntry> query(String sql, Binder binder) {
        java.util.List<LedgerEntry> entries = new java.util.ArrayList<>();
        withReader(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new LedgerEntry(rs.getLong(1), ReadingDocument.parse(rs.getBytes(2))));
                    }
                }
            }
            return null;
        });
        return entries.stream();
    }

    interface ReadWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withReader(ReadWork<T> work) {
        return read(dataDir, work);
    }

    /**
     * Reads the ledger of {@code dataDir} without opening it for writing, so a running gateway may
     * keep the folder meanwhile.
     */
    static <T> T read(Path dataDir, ReadWork<T> work) {
        if (!Files.isRegularFile(dataDir.resolve(Database.FILE_NAME))) {
            throw new LedgerException("no ledger in " + dataDir.toAbsolutePath() + " (" + Database.FILE_NAME + " is missing)");
        }
        long deadline = System.nanoTime() + CREATION_GRACE.toNanos();
        while (true) {
            try (Connection connection = Database.openReader(dataDir)) {
                return work.run(connection);
            } catch (SQLException e) {
                if (!beingCreated(e)) {
                    throw unreadable(dataDir, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new LedgerException("the ledger in " + dataDir + " is not ready to be read yet: a gateway is still creating it;"
                            + " try again in a moment (SQLite: " + e.getMessage() + ")", e);
                }
            }
            try {
                Thread.sleep(CREATION_GRACE.toMillis() / 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted while waiting for the ledger in " + dataDir + " to be created", e);
            }
        }
    }

    /**
     * A ledger in its first moments: the writer has created the file but not switched it to WAL yet
     * (a read-only connection cannot do that for it: SQLITE_READONLY), or not committed its tables.
     */
    private static boolean beingCreated(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code
                || String.valueOf(e.getMessage()).contains("no such table: reading");
    }

    private static LedgerException unreadable(Path dataDir, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("no such column") || message.contains("no such table")) {
            return new LedgerException("the ledger in " + dataDir + " was written by an earlier Energyweb and lacks "
                    + "the dead-letter and status columns; open it once for writing (energyweb run, demo or dlq replay) to add them", e);
        }
        return new LedgerException("cannot read the ledger in " + dataDir + ": " + e.getMessage(), e);
    }

    public long size() {
        return nextPosition.get() - 1;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public Hops hops() {
        return hops;
    }

    public Settings settings() {
        return settings;
    }

    public NonceStore nonces() {
        return nonces;
    }

    public Batches batches() {
        return batches;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException("the ledger in " + dataDir + " is closed");
        }
        writer.requireHealthy();
    }

    /** Commits what is queued, checkpoints the WAL into the database file, then releases the data folder. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.failRemaining();
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
