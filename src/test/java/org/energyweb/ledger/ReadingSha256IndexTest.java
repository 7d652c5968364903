package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A lookup by a document's SHA-256 goes through an index, which a ledger written before it gets when opened. */
class ReadingSha256IndexTest {

    @TempDir
    Path data;

    @Test
    void aLedgerWrittenWithoutTheIndexGetsItWhenOpenedAndItsLookupsUseIt() throws Exception {
        Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
        LedgerEntry second;
        try (Ledger ledger = Ledger.open(data)) {
            ledger.append(Measurement.of("m-1", t0, 1_000, "test")).join();
            second = ledger.append(Measurement.of("m-1", t0.plusSeconds(60), 1_010, "test")).join();
        }
        // As a ledger written before the index was.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX reading_sha256");
            assertThat(usesIndex(connection)).isFalse();
        }

        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.findBySha256(second.document().sha256())).map(LedgerEntry::position).hasValue(second.position());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"))) {
            assertThat(usesIndex(connection)).isTrue();
        }
    }

    private static boolean usesIndex(Connection connection) throws Exception {
        try (PreparedStatement plan = connection.prepareStatement("EXPLAIN QUERY PLAN SELECT position, document FROM reading WHERE sha256 = ?")) {
            plan.setBytes(1, new byte[32]);
            try (ResultSet rs = plan.executeQuery()) {
                StringBuilder details = new StringBuilder();
                while (rs.next()) {
                    details.append(rs.getString("detail")).append('\n');
                }
                return details.toString().contains("USING INDEX reading_sha256");
            }
        }
    }
}
