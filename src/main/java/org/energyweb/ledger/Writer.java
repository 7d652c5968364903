package org.energyweb.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The single writer thread: takes whatever jobs are queued, commits them in one transaction, then
 * tells each job. A commit per batch instead of per job is what gives throughput; telling a job
 * only after its commit is what keeps the durability promise.
 */
final class Writer implements Runnable {

    static final int MAX_BATCH = 20_000;

    /** The statements a job may use, prepared once on the writer's connection. */
    static final class Statements {
        final PreparedStatement insertReading;
        final PreparedStatement upsertHop;
        final PreparedStatement insertDeadLetter;
        final PreparedStatement upsertSetting;
        final PreparedStatement raiseNonce;
        final Connection connection;

        Statements(Connection connection) throws SQLException {
            this.connection = connection;
            insertReading = connection.prepareStatement(
                    "INSERT INTO reading (position, meter, seq, sha256, document, appended_at) VALUES (?, ?, ?, ?, ?, ?)");
            upsertHop = connection.prepareStatement(
                    "INSERT INTO hop (hop, position, state, detail, updated_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (hop, position) DO UPDATE SET state = excluded.state, "
                            + "detail = excluded.detail, updated_at = excluded.updated_at");
            insertDeadLetter = connection.prepareStatement(
                    "INSERT INTO dead_letter (recorded_at, meter, source, reason, payload, hop, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS);
            upsertSetting = connection.prepareStatement(
                    "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
            raiseNonce = connection.prepareStatement(
                    "INSERT INTO nonce (account, next) VALUES (?, ?) "
                            + "ON CONFLICT (account) DO UPDATE SET next = MAX(next, excluded.next)");
        }

        void flush() throws SQLException {
            insertReading.executeBatch();
        }
    }

    private final Connection connection;
    private final Statements statements;
    private final BlockingQueue<WriteJob> queue;
    private final SizeWarning sizeWarning;
    /** Told of every committed batch, in commit order, before its jobs are: see {@link Ledger#onCommittedAppends}. */
    private final Consumer<List<WriteJob>> afterCommit;
    private volatile boolean stopping;
    private volatile Throwable fatal;

    Writer(Connection connection, int capacity, SizeWarning sizeWarning, Consumer<List<WriteJob>> afterCommit)
            throws SQLException {
        this.connection = connection;
        this.afterCommit = afterCommit;
        this.statements = new Statements(connection);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sizeWarning = sizeWarning;
    }

    void submit(WriteJob job) {
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                requireHealthy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for room in the ledger's write queue");
        }
    }

    void requireHealthy() {
        if (fatal != null) {
            throw new LedgerException("the ledger stopped accepting writes after a failed commit: " + fatal.getMessage(), fatal);
        }
    }

    void stop() {
        stopping = true;
    }

    /** After the writer stopped: jobs that raced in behind the close are failed, never left hanging. */
    void failRemaining() {
        LedgerException closed = new LedgerException("the ledger was closed before this write was committed");
        for (WriteJob job; (job = queue.poll()) != null; ) {
            job.failed(closed);
        }
    }

    @Override
    public void run() {
        List<WriteJob> batch = new ArrayList<>(1024);
        while (true) {
            try {
                WriteJob first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<WriteJob> batch) {
        if (fatal != null) {
            batch.forEach(job -> job.failed(fatal));
            return;
        }
        try {
            for (WriteJob job : batch) {
                job.apply(statements);
            }
            statements.flush();
            connection.commit();
            afterCommit.accept(batch);
            batch.forEach(WriteJob::committed);
            sizeWarning.afterCommit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            retryOneByOne(batch);
        }
    }

    /** A failed batch is retried job by job, so one bad job fails alone unless it is an append. */
    private void retryOneByOne(List<WriteJob> batch) {
        for (WriteJob job : batch) {
            if (fatal != null) {
                job.failed(fatal);
                continue;
            }
            try {
                job.apply(statements);
                statements.flush();
                connection.commit();
                afterCommit.accept(List.of(job));
                job.committed();
            } catch (SQLException | RuntimeException e) {
                rollback();
                if (job.isAppend()) {
                    fatal = new LedgerException("append failed: " + describe(e), e);
                }
                job.failed(job.isAppend() ? fatal : new LedgerException("ledger write failed: " + describe(e), e));
            }
        }
    }

    private void rollback() {
        try {
            statements.insertReading.clearBatch();
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is already broken; the failure being reported says why.
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        if (message != null && message.contains("SQLITE_FULL")) {
            return "the disk holding the ledger is full";
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}
