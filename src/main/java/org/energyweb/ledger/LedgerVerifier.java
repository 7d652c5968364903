package org.energyweb.ledger;

import org.energyweb.reading.InvalidDocumentException;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.energyweb.reading.Sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recomputes every document's hash and every link of every meter's chain, trusting nothing the
 * ledger recorded about them. Read-only: it may run while a gateway writes the same folder.
 *
 * <p>Rows are read in append order (a sequential scan); hashing and parsing, the costly part, run
 * in parallel per batch, while the links are checked in order, meter by meter, as batches finish.
 */
public final class LedgerVerifier {

    private static final int BATCH = 8192;

    private record Row(String meter, long seq, byte[] recordedSha, byte[] bytes) {
    }

    /** A row with what could be computed from its bytes alone. */
    private record Checked(Row row, byte[] sha, Reading reading, String unreadable) {
    }

    /** Where a meter's chain stands while rows are checked. */
    private static final class MeterState {
        long expectedSeq;
        byte[] previousSha;
    }

    private final List<ChainProblem> problems = new ArrayList<>();
    private final Map<String, MeterState> meters = new HashMap<>();
    private long documents;
    private long lateReadings;

    private LedgerVerifier() {
    }

    public static VerifyReport verify(Path dataDir) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new LedgerException("no ledger in " + dataDir.toAbsolutePath() + " (" + Database.FILE_NAME + " is missing)");
        }
        LedgerVerifier verifier = new LedgerVerifier();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "energyweb-verify");
            thread.setDaemon(true);
            return thread;
        });
        try (Connection connection = Database.openReader(dataDir);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT meter, seq, sha256, document FROM reading ORDER BY position")) {
            List<Future<List<Checked>>> inFlight = new ArrayList<>();
            List<Row> batch = new ArrayList<>(BATCH);
            while (rs.next()) {
                batch.add(new Row(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4)));
                if (batch.size() == BATCH) {
                    inFlight.add(submit(pool, batch));
                    batch = new ArrayList<>(BATCH);
                    if (inFlight.size() > threads) {
                        verifier.link(inFlight.remove(0).get());
                    }
                }
            }
            inFlight.add(submit(pool, batch));
            for (Future<List<Checked>> checked : inFlight) {
                verifier.link(checked.get());
            }
        } catch (SQLException e) {
            throw new LedgerException(file + " is not a readable Energyweb ledger: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("verification of " + dataDir + " was interrupted");
        } catch (ExecutionException e) {
            throw new LedgerException("verification of " + dataDir + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new VerifyReport(verifier.documents, verifier.meters.size(), List.copyOf(verifier.problems), verifier.lateReadings);
    }

    private static Future<List<Checked>> submit(ExecutorService pool, List<Row> rows) {
        return pool.submit(() -> rows.stream().map(LedgerVerifier::compute).toList());
    }

    private static Checked compute(Row row) {
        try {
            ReadingDocument document = ReadingDocument.parse(row.bytes());
            return new Checked(row, document.sha256(), document.reading(), null);
        } catch (InvalidDocumentException e) {
            return new Checked(row, Sha256.digest(row.bytes()), null, e.getMessage());
        }
    }

    private void link(List<Checked> batch) {
        for (Checked checked : batch) {
            link(checked);
        }
    }

    private void link(Checked checked) {
        documents++;
        Row row = checked.row();
        String meter = row.meter();
        MeterState state = meters.computeIfAbsent(meter, m -> new MeterState());
        boolean linkKnown = true;
        if (row.seq() != state.expectedSeq) {
            problems.add(new ChainProblem(meter, state.expectedSeq, row.seq() > state.expectedSeq
                    ? "missing: the chain jumps from seq " + (state.expectedSeq - 1) + " to " + row.seq()
                    : "stored out of order before seq " + state.expectedSeq));
            linkKnown = false;
        }
        state.expectedSeq = row.seq() + 1;
        byte[] linkFromPrevious = state.previousSha;
        state.previousSha = checked.sha();
        if (!Arrays.equals(checked.sha(), row.recordedSha())) {
            problems.add(new ChainProblem(meter, row.seq(), "document bytes do not match the SHA-256 recorded at append (changed since)"));
        }
        Reading reading = checked.reading();
        if (reading == null) {
            problems.add(new ChainProblem(meter, row.seq(), "document is unreadable: " + checked.unreadable()));
            return;
        }
        if (reading.late()) {
            lateReadings++;
        }
        if (!reading.meter().equals(meter) || reading.seq() != row.seq()) {
            problems.add(new ChainProblem(meter, row.seq(), "document says meter " + reading.meter() + " seq " + reading.seq()
                    + " but is stored as meter " + meter + " seq " + row.seq() + " (moved or reordered)"));
            return;
        }
        if (linkKnown) {
            String expectedPrev = linkFromPrevious == null ? null : Sha256.hex(linkFromPrevious);
            if (expectedPrev == null ? reading.prev() != null : !expectedPrev.equals(reading.prev())) {
                problems.add(new ChainProblem(meter, row.seq(), "prev " + reading.prev()
                        + " does not match the SHA-256 of the previous document " + expectedPrev));
            }
        }
    }
}
