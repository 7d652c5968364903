package org.energyweb.cli;

import org.energyweb.ledger.Ledger;
import org.energyweb.migrate.BondFileHash;
import org.energyweb.migrate.BondStoreWriter;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MigrateBondStoreTest {

    @TempDir
    Path dir;

    private Path store() throws Exception {
        return Files.createDirectories(dir.resolve("bond-store"));
    }

    private static List<Reading> readings(Path data, String meter) {
        List<Reading> readings = new ArrayList<>();
        try (Ledger ledger = Ledger.open(data)) {
            ledger.forEachByMeter(entry -> {
                if (entry.meter().equals(meter)) {
                    readings.add(entry.document().reading());
                }
            });
        }
        return readings;
    }

    @Test
    void anIntactStoreBecomesTheMetersPrehistoryWithTheOldFileHashesAndVerifies() throws Exception {
        Path store = store();
        // Berlin summer time: the old gateway named files by its local time, UTC+2.
        BondStoreWriter.write(store, "", "2019-06-01-12:00:00,1000,false", "2019-06-01-12:15:00,1250,false",
                "2019-06-01-12:30:00,0,true", "2019-06-01-12:45:00,1600,false");
        Path data = dir.resolve("data");

        CliTestSupport.Result result = CliTestSupport.run("migrate", "bond-store", store.toString(), "--meter", "bond-1",
                "--data", data.toString(), "--zone", "Europe/Berlin");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("4 files").contains("imported 4 readings into meter bond-1; ledger verifies");
        List<Reading> readings = readings(data, "bond-1");
        // The down file carries the last good value, never the 0 the original wrote into it.
        assertThat(readings).extracting(Reading::energyWh, Reading::down, Reading::time).containsExactly(
                tuple(1000L, false, Instant.parse("2019-06-01T10:00:00Z")),
                tuple(1250L, false, Instant.parse("2019-06-01T10:15:00Z")),
                tuple(1250L, true, Instant.parse("2019-06-01T10:30:00Z")),
                tuple(1600L, false, Instant.parse("2019-06-01T10:45:00Z")));
        byte[] first = Files.readAllBytes(store.resolve("2019-06-01-12:00:00.json"));
        assertThat(readings.get(0).source()).isEqualTo("ew-link-bond:2019-06-01-12:00:00.json#" + BondFileHash.of(first));
        assertThat(new String(first, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("{\"value\": 1000, \"is_meter_down\": false, \"previous_hash\": \"0x0\", \"co2_saved\": 0, \"is_co2_down\": true}");
        assertThat(BondFileHash.of(first)).isEqualTo("QmYSoy8q86yyfM8MbA62jdj45uB2Q");
    }

    @Test
    void aBrokenLinkIsReportedAndNothingIsImportedUnlessAccepted() throws Exception {
        Path store = store();
        BondStoreWriter.write(store, "2019-06-01-12:15:00", "2019-06-01-12:00:00,1000,false", "2019-06-01-12:15:00,1250,false",
                "2019-06-01-12:30:00,1400,false");
        Path data = dir.resolve("data");

        CliTestSupport.Result refused = CliTestSupport.run("migrate", "bond-store", store.toString(), "--meter", "bond-2", "--data", data.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("break: 2019-06-01-12:15:00.json: previous_hash Qm")
                .contains(", the hash of 2019-06-01-12:00:00.json").contains("nothing imported");
        assertThat(Files.exists(data.resolve("ledger.db"))).isFalse();

        CliTestSupport.Result accepted = CliTestSupport.run("migrate", "bond-store", store.toString(), "--meter", "bond-2",
                "--data", data.toString(), "--accept-breaks");

        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("break: 2019-06-01-12:15:00.json").contains("ledger verifies");
        assertThat(readings(data, "bond-2")).extracting(Reading::energyWh).containsExactly(1000L, 1250L, 1400L);
    }
}
