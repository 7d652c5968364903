package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of tampering with a stored chain is caught, at the meter and seq where it happened. */
class LedgerVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @BeforeEach
    void twoMetersOfTenReadings() {
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 10; i++) {
                ledger.append(Measurement.of("m1", T0.plusSeconds(i), 1000 + i, "test"));
                ledger.appendAndWait(Measurement.of("m2", T0.plusSeconds(i), 5000 + i, "test"));
            }
        }
    }

    @Test
    void anUntouchedLedgerVerifies() {
        VerifyReport report = LedgerVerifier.verify(data);
        assertThat(report.ok()).isTrue();
        assertThat(report.documents()).isEqualTo(20);
        assertThat(report.meters()).isEqualTo(2);
    }

    @Test
    void aChangedByteIsCaughtAtItsSeq() throws SQLException {
        byte[] document = document("m1", 4);
        document[document.length - 3] ^= 1;
        sql("UPDATE reading SET document = ? WHERE meter = 'm1' AND seq = 4", document);
        assertThat(LedgerVerifier.verify(data).problems()).first()
                .satisfies(p -> assertThat(p).extracting(ChainProblem::meter, ChainProblem::seq).containsExactly("m1", 4L))
                .extracting(ChainProblem::reason).asString().contains("do not match the SHA-256 recorded");
    }

    @Test
    void aRemovedDocumentIsCaughtAsMissing() throws SQLException {
        sql("DELETE FROM reading WHERE meter = 'm2' AND seq = 7");
        assertThat(LedgerVerifier.verify(data).problems()).singleElement()
                .satisfies(p -> assertThat(p).extracting(ChainProblem::meter, ChainProblem::seq).containsExactly("m2", 7L))
                .extracting(ChainProblem::reason).asString().contains("missing");
    }

    @Test
    void aReorderedPairIsCaught() throws SQLException {
        byte[] third = document("m1", 3);
        byte[] fourth = document("m1", 4);
        sql("UPDATE reading SET document = ?, sha256 = ? WHERE meter = 'm1' AND seq = 3", fourth, ReadingDocument.parse(fourth).sha256());
        sql("UPDATE reading SET document = ?, sha256 = ? WHERE meter = 'm1' AND seq = 4", third, ReadingDocument.parse(third).sha256());
        assertThat(LedgerVerifier.verify(data).problems()).first()
                .satisfies(p -> assertThat(p).extracting(ChainProblem::meter, ChainProblem::seq).containsExactly("m1", 3L))
                .extracting(ChainProblem::reason).asString().contains("reordered");
    }

    @Test
    void aForgedPrevIsCaughtEvenWhenTheRecordedHashWasForgedToo() throws SQLException {
        Reading original = ReadingDocument.parse(document("m1", 6)).reading();
        Reading forged = new Reading(original.meter(), original.seq(), original.time(), original.energyWh(), original.down(),
                original.source(), "00".repeat(32), original.exportWh(), original.powerW());
        ReadingDocument forgedDocument = ReadingDocument.of(forged);
        sql("UPDATE reading SET document = ?, sha256 = ? WHERE meter = 'm1' AND seq = 6", forgedDocument.bytes(), forgedDocument.sha256());
        assertThat(LedgerVerifier.verify(data).problems()).first()
                .satisfies(p -> assertThat(p).extracting(ChainProblem::meter, ChainProblem::seq).containsExactly("m1", 6L))
                .extracting(ChainProblem::reason).asString().contains("does not match the SHA-256 of the previous document");
    }

    @Test
    void aRewrittenValueWithAForgedHashBreaksTheNextLink() throws SQLException {
        Reading original = ReadingDocument.parse(document("m2", 2)).reading();
        ReadingDocument rewritten = ReadingDocument.of(new Reading(original.meter(), original.seq(), original.time(), 999_999,
                original.down(), original.source(), original.prev(), null, null));
        sql("UPDATE reading SET document = ?, sha256 = ? WHERE meter = 'm2' AND seq = 2", rewritten.bytes(), rewritten.sha256());
        assertThat(LedgerVerifier.verify(data).problems()).singleElement()
                .extracting(ChainProblem::meter, ChainProblem::seq).containsExactly("m2", 3L);
    }

    private byte[] document(String meter, long seq) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT document FROM reading WHERE meter = ? AND seq = ?")) {
            select.setString(1, meter);
            select.setLong(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
    }
}
