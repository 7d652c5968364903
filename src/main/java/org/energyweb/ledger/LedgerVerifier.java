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
import java.util.List;

/**
 * Recomputes every document's hash and every link of every meter's chain, trusting nothing the
 * ledger recorded about them. Read-only: it may run while a gateway writes the same folder.
 */
public final class LedgerVerifier {

    private final List<ChainProblem> problems = new ArrayList<>();
    private long documents;
    private int meters;
    private String meter;
    private long expectedSeq;
    private byte[] previousSha;

    private LedgerVerifier() {
    }

    public static VerifyReport verify(Path dataDir) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new LedgerException("no ledger in " + dataDir.toAbsolutePath() + " (" + Database.FILE_NAME + " is missing)");
        }
        LedgerVerifier verifier = new LedgerVerifier();
        try (Connection connection = Database.openReader(dataDir);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT meter, seq, sha256, document FROM reading ORDER BY meter, seq")) {
            while (rs.next()) {
                verifier.check(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4));
            }
        } catch (SQLException e) {
            throw new LedgerException(file + " is not a readable Energyweb ledger: " + e.getMessage(), e);
        }
        return new VerifyReport(verifier.documents, verifier.meters, List.copyOf(verifier.problems));
    }

    private void check(String rowMeter, long rowSeq, byte[] recordedSha, byte[] bytes) {
        documents++;
        if (!rowMeter.equals(meter)) {
            meter = rowMeter;
            meters++;
            expectedSeq = 0;
            previousSha = null;
        }
        boolean linkKnown = true;
        if (rowSeq != expectedSeq) {
            problems.add(new ChainProblem(meter, expectedSeq, rowSeq > expectedSeq
                    ? "missing: the chain jumps from seq " + (expectedSeq - 1) + " to " + rowSeq
                    : "stored out of order before seq " + expectedSeq));
            linkKnown = false;
        }
        expectedSeq = rowSeq + 1;
        byte[] sha = Sha256.digest(bytes);
        byte[] linkFromPrevious = previousSha;
        previousSha = sha;
        if (!Arrays.equals(sha, recordedSha)) {
            problems.add(new ChainProblem(meter, rowSeq, "document bytes do not match the SHA-256 recorded at append (changed since)"));
        }
        Reading reading;
        try {
            reading = ReadingDocument.parse(bytes).reading();
        } catch (InvalidDocumentException e) {
            problems.add(new ChainProblem(meter, rowSeq, "document is unreadable: " + e.getMessage()));
            return;
        }
        if (!reading.meter().equals(meter) || reading.seq() != rowSeq) {
            problems.add(new ChainProblem(meter, rowSeq, "document says meter " + reading.meter() + " seq " + reading.seq()
                    + " but is stored as meter " + meter + " seq " + rowSeq + " (moved or reordered)"));
            return;
        }
        if (linkKnown) {
            String expectedPrev = linkFromPrevious == null ? null : Sha256.hex(linkFromPrevious);
            if (expectedPrev == null ? reading.prev() != null : !expectedPrev.equals(reading.prev())) {
                problems.add(new ChainProblem(meter, rowSeq, "prev " + reading.prev()
                        + " does not match the SHA-256 of the previous document " + expectedPrev));
            }
        }
    }
}
