package org.energyweb.ledger;

import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * Places readings at the end of their meters' chains and queues every write of the ledger for its
 * single writer thread, which commits them in shared transactions (group commit). Keeps each
 * meter's chain head in memory, so an append never reads the database.
 */
final class LedgerAppender {

    /** Appends that may wait for the writer before {@link #append} blocks the caller. */
    static final int QUEUE_CAPACITY = 100_000;

    private final Path dataDir;
    private final LedgerLimits limits;
    private final Writer writer;
    private final Thread writerThread;
    /** Each meter's newest appended reading, committed or not: the next append chains onto it. */
    private final Map<String, ChainHead> heads = new ConcurrentHashMap<>();
    /** Each meter's newest committed reading: what {@link #head} shows readers. */
    private final Map<String, ChainHead> committedHeads = new ConcurrentHashMap<>();
    /** Each meter's newest append, completing once committed: what a repeated delivery of it gets back. */
    private final Map<String, CompletableFuture<LedgerEntry>> lastAppends = new ConcurrentHashMap<>();
    private final Map<String, Object> meterLocks = new ConcurrentHashMap<>();
    private final AtomicLong nextPosition;
    private final List<AppendListener> appendListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Loads the chain heads from the store's database and starts the writer thread on its connection. */
    LedgerAppender(LedgerStore store, LedgerLimits limits) throws SQLException {
        this.dataDir = store.dataDir();
        this.limits = limits;
        this.nextPosition = new AtomicLong(loadHeads(store.writerConnection()) + 1);
        this.writer = new Writer(store.writerConnection(), QUEUE_CAPACITY,
                new SizeWarning(dataDir.resolve(Database.FILE_NAME), limits.sizeWarningBytes()), this::tellCommittedAppends);
        this.writerThread = new Thread(writer, "energyweb-ledger-writer");
        this.writerThread.start();
    }

    /** Loads every meter's newest reading and returns the highest position in the ledger. */
    private long loadHeads(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT r.position, r.document FROM reading r JOIN (SELECT meter, MAX(seq) AS seq FROM reading GROUP BY meter) h "
                             + "ON r.meter = h.meter AND r.seq = h.seq")) {
            while (rs.next()) {
                ReadingDocument head = ReadingDocument.parse(rs.getBytes(2));
                Reading newest = head.reading();
                ChainHead chainHead = newest.down() || newest.late() ? head.asHeadAfter(newestGood(connection, newest)) : head.asHead();
                heads.put(head.reading().meter(), chainHead);
                committedHeads.put(head.reading().meter(), chainHead);
                lastAppends.put(head.reading().meter(), CompletableFuture.completedFuture(new LedgerEntry(rs.getLong(1), head)));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM reading")) {
            rs.next();
            long max = rs.getLong(1);
            connection.commit();
            return max;
        }
    }

    /** The newest good (not down, not late) reading before {@code down}, walking back from it: the order the next good reading follows. */
    private static ChainHead newestGood(Connection connection, Reading down) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT document FROM reading WHERE meter = ? AND seq < ? ORDER BY seq DESC")) {
            select.setString(1, down.meter());
            select.setLong(2, down.seq());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ReadingDocument earlier = ReadingDocument.parse(rs.getBytes(1));
                    if (!earlier.reading().down() && !earlier.reading().late()) {
                        return earlier.asHead();
                    }
                }
            }
        }
        // Only a chain imported from elsewhere can start down: its down reading then orders the next one.
        return null;
    }

    /** A write that must commit in the same transaction as an append, or not at all. */
    interface WithAppend {
        void apply(Writer.Statements statements, LedgerEntry appended) throws SQLException;
    }

    /** Appends, and applies {@code with} (when not null) in the transaction holding the reading: see {@link Ledger#append}. */
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
            return place(ReadingDocument.of(Reading.next(measurement, head)), head, with);
        }
    }

    /**
     * Appends a measurement that arrived after a later reading of its meter as a late reading at the
     * chain's head ({@link Reading#late}); the caller has checked where it falls ({@link LateReadings}).
     */
    CompletableFuture<LedgerEntry> appendLate(Measurement measurement, WithAppend with) {
        requireOpen();
        synchronized (meterLocks.computeIfAbsent(measurement.meter(), m -> new Object())) {
            ChainHead head = heads.get(measurement.meter());
            return place(ReadingDocument.of(Reading.late(measurement, head)), head, with);
        }
    }

    /** Queues {@code document} as the meter's new head; the caller holds the meter's lock. */
    private CompletableFuture<LedgerEntry> place(ReadingDocument document, ChainHead previous, WithAppend with) {
        AppendJob job = new AppendJob(document, document.asHeadAfter(previous), with);
        writer.submit(job);
        heads.put(document.reading().meter(), job.head);
        lastAppends.put(document.reading().meter(), job.result);
        return job.result;
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

    /** See {@link Ledger#onCommittedAppends}. */
    Runnable onCommittedAppends(AppendListener listener) {
        appendListeners.add(listener);
        return () -> appendListeners.remove(listener);
    }

    private void tellCommittedAppends(List<WriteJob> jobs) {
        if (appendListeners.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<CommittedAppend> appended = new ArrayList<>(jobs.size());
        for (WriteJob job : jobs) {
            if (job instanceof AppendJob append) {
                appended.add(new CommittedAppend(new LedgerEntry(append.position, append.document), now - append.submittedAt));
            }
        }
        if (!appended.isEmpty()) {
            appendListeners.forEach(listener -> listener.committed(appended));
        }
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
        final ChainHead head;
        final WithAppend with;
        final CompletableFuture<LedgerEntry> result = new CompletableFuture<>();
        final long submittedAt = System.nanoTime();
        long position;

        AppendJob(ReadingDocument document, ChainHead head, WithAppend with) {
            this.document = document;
            this.head = head;
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
            committedHeads.put(document.reading().meter(), head);
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

    /** See {@link Ledger#unhealthyReason}. */
    Optional<String> unhealthyReason() {
        try {
            requireOpen();
            return Optional.empty();
        } catch (LedgerException e) {
            return Optional.of(e.getMessage());
        }
    }

    Optional<ChainHead> head(String meter) {
        return Optional.ofNullable(committedHeads.get(meter));
    }

    /** The meter's newest appended reading, committed or not: what its next append is checked against. */
    Optional<ChainHead> appendedHead(String meter) {
        return Optional.ofNullable(heads.get(meter));
    }

    Map<String, ChainHead> heads() {
        return Map.copyOf(committedHeads);
    }

    long size() {
        return nextPosition.get() - 1;
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException("the ledger in " + dataDir + " is closed");
        }
        writer.requireHealthy();
    }

    /**
     * Commits what is queued and stops the writer thread; writes that raced in behind are failed.
     *
     * @return false when it was closed already
     */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        writer.stop();
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.failRemaining();
        return true;
    }
}
