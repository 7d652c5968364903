package org.energyweb.migrate.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.migrate.BondConfigWriter;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route file `migrate bond-config` writes, loaded with Camel's YAML routes loader and the project's kamelets as
 * `energyweb run` does, against a real anvil with Origin release A deployed and the migrated consumer's key onboarded.
 */
class MigratedBondRoutesTest extends KameletTestSupport {

    @TempDir
    static Path dir;

    static AnvilPeer anvil;
    static DevChain chain;
    static BigInteger householdAsset;

    @AfterAll
    static void stopChain() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        String[] keys = new String[4];
        String[] addresses = new String[4];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("bond key " + i).getBytes(StandardCharsets.UTF_8)));
            addresses[i] = Credentials.create(keys[i]).getAddress();
        }
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        Credentials household = Credentials.create(keys[2]);
        chain.eth.rpc().callAndWait("anvil_setBalance", household.getAddress(), "0x56BC75E2D63100000");
        householdAsset = chain.onboard(Registry.CONSUMING, household);

        Path config = dir.resolve("config.json");
        BondConfigWriter.write(config, BondConfigWriter.sample(keys, addresses, anvil.url()));
        Path passwordFile = Files.writeString(dir.resolve("password"), "migrated keys' password\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Path out = dir.resolve("migrated");
        CliTestSupport.Result migrated = CliTestSupport.run("migrate", "bond-config", config.toString(), "--out", out.toString(),
                "--password-file", passwordFile.toString(), "--light");
        assertThat(Files.exists(out.resolve("bond.camel.yaml"))).as(migrated.out() + migrated.err()).isTrue();

        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(out.resolve("application.properties"))) {
            properties.load(reader);
        }
        // What the migration asks the user to fill in, and what `energyweb run --data` sets.
        properties.put("energyweb.origin.producing", chain.contracts.producing());
        properties.put("energyweb.origin.consuming", chain.contracts.consuming());
        properties.put("energyweb.data", dir.resolve("data").toString());
        context.getPropertiesComponent().setOverrideProperties(properties);
        // The meters' HTTP passwords, which the routes take from the environment: this map stands in for the gateway's.
        Map<String, String> environment = Map.of("ENERGYWEB_METER_SOLAR_DACH_SUD_PASSWORD", "api-secret-1",
                "ENERGYWEB_METER_EUMEL_ROOF_PASSWORD", "eumel-secret-3");
        context.getPropertiesComponent().addPropertiesFunction(new PropertiesFunction() {
            @Override
            public String getName() {
                return "env";
            }

            @Override
            public String apply(String remainder) {
                return environment.get(remainder);
            }
        });
        // An absolute path: loadProjectRoutes resolves it against the project folder, which keeps it as it is.
        loadProjectRoutes(context, out.resolve("bond.camel.yaml").toString());
        return context;
    }

    @Test
    void theMigratedConsumersReadingsAreLedgeredAndWrittenToItsOriginAssetWithTheImportedKey() {
        assertThat(context.getRoutes()).extracting(route -> route.getRouteId())
                .contains("bond-Solar-Dach-Sud", "bond-eumel-roof", "bond-household");
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            byte[] onChain = chain.admin.lastFileHash(chain.contracts.consuming(), householdAsset);
            return ledger.head("household-1").map(head -> LongStream.rangeClosed(0, head.seq())
                    .anyMatch(seq -> Arrays.equals(onChain, ledger.find("household-1", seq).orElseThrow().document().sha256()))).orElse(false);
        });
    }
}
