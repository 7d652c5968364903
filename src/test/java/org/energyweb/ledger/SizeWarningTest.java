package org.energyweb.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SizeWarningTest {

    @TempDir
    Path dir;

    @Test
    void warnsOnceTheDatabaseAndItsLogTogetherPassTheThreshold() throws Exception {
        Path database = Files.write(dir.resolve("ledger.db"), new byte[600]);
        Files.write(dir.resolve("ledger.db-wal"), new byte[600]);
        SizeWarning warning = new SizeWarning(database, 1_000);

        warning.afterCommit();

        assertThat(warning.warned()).isTrue();
    }

    @Test
    void staysQuietBelowTheThreshold() throws Exception {
        SizeWarning warning = new SizeWarning(Files.write(dir.resolve("ledger.db"), new byte[600]), 1_000);

        warning.afterCommit();

        assertThat(warning.warned()).isFalse();
    }

    @Test
    void aThresholdOfZeroNeverWarns() throws Exception {
        SizeWarning warning = new SizeWarning(Files.write(dir.resolve("ledger.db"), new byte[600]), 0);

        warning.afterCommit();

        assertThat(warning.warned()).isFalse();
    }
}
