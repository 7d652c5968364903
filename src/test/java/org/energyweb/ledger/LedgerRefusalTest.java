package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A measurement that cannot make a document conforming to reading-v1 never reaches the ledger. */
class LedgerRefusalTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void aNonConformingDocumentIsRefusedWithItsReasonAndNothingIsWritten() {
        try (Ledger ledger = Ledger.open(data)) {
            Measurement tooLongSource = Measurement.of("m1", T0, 1000, "s".repeat(513));
            Measurement inexactRegister = Measurement.of("m1", T0, (1L << 53) + 1, "api");

            assertThatThrownBy(() -> ledger.append(tooLongSource)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("source of meter m1 is longer than 512 characters");
            assertThatThrownBy(() -> ledger.append(inexactRegister)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("energyWh of meter m1 is beyond 2^53");
            assertThat(ledger.head("m1")).isEmpty();
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.size()).isZero();
            assertThat(ledger.appendAndWait(Measurement.of("m1", T0, 1000, "api")).seq()).isZero();
        }
    }
}
