package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a clean close leaves in the data folder. */
class LedgerCloseTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path backup;

    @Test
    void closingCopiesTheWalIntoTheDatabaseFileEvenWhileAReaderIsConnected() throws Exception {
        Ledger ledger = Ledger.open(data);
        for (int i = 0; i < 50; i++) {
            ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(i), 1000 + i, "test"));
        }
        // A reader beside the gateway (a status, a monitoring job) keeps SQLite from checkpointing by itself at close.
        try (Connection reader = Database.openReader(data)) {
            ledger.close();
            assertThat(reader.isClosed()).isFalse();
            // A backup of ledger.db alone, as a file copy takes it.
            Files.copy(data.resolve(Database.FILE_NAME), backup.resolve(Database.FILE_NAME));
        }

        VerifyReport report = LedgerVerifier.verify(backup);
        assertThat(report.problems()).isEmpty();
        assertThat(report.documents()).isEqualTo(50);
    }
}
