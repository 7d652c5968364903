package org.energyweb.cli;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.migrate.BondConfigWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateBondConfigTest {

    static final String PASSWORD = "migrated keys' password";

    @TempDir
    Path dir;

    String[] keys = new String[4];
    String[] addresses = new String[4];
    Path config;
    Path out;
    CliTestSupport.Result result;

    @BeforeEach
    void migrate() throws Exception {
        for (int i = 0; i < keys.length; i++) {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("bond key " + i).getBytes(StandardCharsets.UTF_8)));
            // The original took the key with or without 0x.
            keys[i] = i == 1 ? "0x" + hex : hex;
            addresses[i] = Credentials.create(hex).getAddress();
        }
        config = dir.resolve("config.json");
        BondConfigWriter.write(config, BondConfigWriter.sample(keys, addresses, "http://127.0.0.1:9"));
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        out = dir.resolve("migrated");
        result = CliTestSupport.run("migrate", "bond-config", config.toString(), "--out", out.toString(),
                "--password-file", passwordFile.toString(), "--light");
    }

    @Test
    void theConfigurationIsWrittenAsPythonsJsonDumpDoes() throws Exception {
        assertThat(Files.readString(config, StandardCharsets.US_ASCII))
                .startsWith("{\"producers\": [{\"name\": \"Solar Dach S\\u00fcd\", \"energy-meter\": {\"module\": ");
    }

    @Test
    void eachMappableEntryIsCarriedOverAndTheUnknownMeterKindIsReportedByNameWithExitOne() {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out())
                .contains("carried over: Solar Dach Süd -> meter Solar-Dach-Sud (bond-Solar-Dach-Sud, producer)")
                .contains("carried over: eumel-roof -> meter eumel-roof (bond-eumel-roof, producer)")
                .contains("carried over: household -> meter household-1 (bond-household, consumer)")
                .contains("NOT carried over: fronius: energy-meter class FroniusSolarAPI has no Energyweb source")
                .contains("NOT carried over: Solar Dach Süd: carbon-emission WattimeV1 is not carried over")
                .contains("to do: set the environment variable ENERGYWEB_METER_EUMEL_ROOF_PASSWORD")
                .contains("to do: set energyweb.origin.producing").contains("to do: set energyweb.origin.consuming")
                .contains("delete that file");
    }

    @Test
    void eachPlainTextKeyIsUnlockedFromItsKeystoreWithThePassword() {
        assertThat(Keystore.unlock(out.resolve("keys/Solar-Dach-Sud.json"), PASSWORD.toCharArray()).getAddress()).isEqualTo(addresses[0]);
        assertThat(Keystore.unlock(out.resolve("keys/eumel-roof.json"), PASSWORD.toCharArray()).getAddress()).isEqualTo(addresses[1]);
        assertThat(Keystore.unlock(out.resolve("keys/household-1.json"), PASSWORD.toCharArray()).getAddress()).isEqualTo(addresses[2]);
        assertThat(out.resolve("keys/fronius.json")).doesNotExist();
    }

    @Test
    void thePropertiesHoldEachMetersAssetAndUrlsButNoSecret() throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(out.resolve("application.properties"))) {
            properties.load(reader);
        }
        assertThat(properties).containsEntry("energyweb.asset.Solar-Dach-Sud", "0").containsEntry("energyweb.asset.eumel-roof", "1")
                .containsEntry("energyweb.asset.household-1", "0")
                .containsEntry("energyweb.meter.Solar-Dach-Sud.url", "http://127.0.0.1:9")
                .containsEntry("energyweb.meter.Solar-Dach-Sud.device", "7")
                .containsEntry("energyweb.meter.eumel-roof.user", "admin")
                .containsEntry("energyweb.meter.household-1.rpc", "http://127.0.0.1:9")
                .containsEntry("energyweb.meter.household-1.keystore", out.toAbsolutePath().resolve("keys/household-1.json").toString())
                .doesNotContainKey("energyweb.asset.fronius");
    }

    @Test
    void noSecretOfTheOldFileIsInAnyWrittenFileOrInTheOutput() throws Exception {
        List<String> secrets = Stream.concat(Stream.of("api-secret-1", "wt-secret-2", "eumel-secret-3", PASSWORD),
                Stream.of(keys).map(key -> key.replace("0x", ""))).toList();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                secrets.forEach(secret -> assertThat(text).as(file.toString()).doesNotContainIgnoringCase(secret));
            }
        }
        secrets.forEach(secret -> assertThat(result.out() + result.err()).doesNotContainIgnoringCase(secret));
    }

    @Test
    void aMalformedConfigurationIsReportedByPlaceWithoutQuotingItsText() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"producers\": [{\"wallet_pwd\": " + keys[0].substring(2) + "}]}");

        CliTestSupport.Result failed = CliTestSupport.run("migrate", "bond-config", broken.toString(), "--out", dir.resolve("other").toString());

        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("is not valid JSON (line 1, column");
        assertThat(failed.out() + failed.err()).doesNotContainIgnoringCase(keys[0].substring(2, 20));
    }

    @Test
    void aSingleAssetFileIsCarriedOverAsItsOneEntry() throws Exception {
        Path single = dir.resolve("single.json");
        BondConfigWriter.write(single, """
                {"name": "garage", "energy-meter": {"module": "energyweb.eds.simulator", "class_name": "EnergyMeterSimulator", "class_parameters": {}},
                 "smart-contract": {"module": "energyweb.smart_contract.origin_v1", "class_name": "OriginConsumer",
                   "class_parameters": {"asset_id": 3, "wallet_add": "%s", "wallet_pwd": "%s", "client_url": "http://127.0.0.1:9"}}}
                """.formatted(addresses[3], keys[3]));

        CliTestSupport.Result migrated = CliTestSupport.run("migrate", "bond-config", single.toString(), "--out", dir.resolve("single").toString(),
                "--password-file", dir.resolve("password").toString(), "--light");

        assertThat(migrated.out()).contains("1 entries").contains("carried over: garage -> meter garage-1 (bond-garage, consumer)");
        assertThat(Keystore.unlock(dir.resolve("single/keys/garage-1.json"), PASSWORD.toCharArray()).getAddress()).isEqualTo(addresses[3]);
    }

    @Test
    void theLegacyProductionAndConsumptionListsAreReadLikeProducersAndConsumers() throws Exception {
        Path legacy = dir.resolve("legacy.json");
        BondConfigWriter.write(legacy, BondConfigWriter.sample(keys, addresses, "http://127.0.0.1:9")
                .replace("\"producers\"", "\"production\"").replace("\"consumers\"", "\"consumption\""));

        CliTestSupport.Result migrated = CliTestSupport.run("migrate", "bond-config", legacy.toString(), "--out", dir.resolve("legacy").toString(),
                "--password-file", dir.resolve("password").toString(), "--light");

        assertThat(migrated.out()).contains("4 entries").contains("carried over: eumel-roof -> meter eumel-roof (bond-eumel-roof, producer)")
                .contains("carried over: household -> meter household-1 (bond-household, consumer)");
    }
}
