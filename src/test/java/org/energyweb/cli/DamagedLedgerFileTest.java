package org.energyweb.cli;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerException;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ledger.db that exists but is not whole is an error naming it, never a new empty ledger over a lost one. */
class DamagedLedgerFileTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void anEmptyLedgerFileIsRefusedWithExit2NamingItAndLeftAsItWas() throws Exception {
        Path file = Files.createFile(data.resolve("ledger.db"));

        CliTestSupport.Result result = CliTestSupport.run("dlq", "replay", "--data", data.toString(), "--all");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(file.toAbsolutePath().toString()).contains("is empty (0 bytes)");
        assertThat(Files.size(file)).as("no new ledger was written over it").isZero();
    }

    @Test
    void aTruncatedLedgerFileIsRefusedNamingIt() throws Exception {
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 2_000; i++) {
                ledger.append(Measurement.of("m" + i % 10, T0.plusSeconds(i), 1_000 + i, "test with a longer source to fill pages"));
            }
            ledger.appendAndWait(Measurement.of("m0", T0.plusSeconds(5_000), 9_999, "test"));
        }
        Path file = data.resolve("ledger.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        assertThatThrownBy(() -> Ledger.open(data)).isInstanceOf(LedgerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is truncated");
        assertThat(CliTestSupport.run("dlq", "replay", "--data", data.toString(), "--all").exitCode()).isEqualTo(2);
    }
}
