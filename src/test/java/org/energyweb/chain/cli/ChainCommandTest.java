package org.energyweb.chain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** chain deploy and chain onboard against a real anvil. */
class ChainCommandTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("ENERGYWEB_KEY_PASSWORD", "dev password");

    @TempDir
    static Path dir;

    private static AnvilPeer anvil;
    private static Eth eth;
    private static Path keystore;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        anvil = AnvilPeer.automine();
        eth = DevChain.eth(anvil);
        keystore = dir.resolve("admin.json");
        Keystore.write(keystore, AnvilPeer.ACCOUNT_0.getEcKeyPair(), "dev password".toCharArray(), Keystore.Strength.LIGHT);
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine command = new CommandLine(new ChainCommand(environment));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private JsonNode json() throws Exception {
        String[] lines = out.toString().trim().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private boolean hasCode(String address) {
        return eth.rpc().callAndWait("eth_getCode", address, "latest").asText().length() > 2;
    }

    @Test
    void deployPrintsTheThreeContractAddressesAsJson() throws Exception {
        assertThat(run(ENVIRONMENT, "deploy", "--rpc", anvil.url(), "--keystore", keystore.toString(), "--json")).isZero();
        JsonNode deployment = json();
        assertThat(deployment.fieldNames()).toIterable().containsExactly("producing", "consuming", "anchor");
        assertThat(hasCode(deployment.get("producing").asText())).isTrue();
        assertThat(hasCode(deployment.get("consuming").asText())).isTrue();
        assertThat(hasCode(deployment.get("anchor").asText())).isTrue();
    }

    @Test
    void onboardCreatesActiveAssetsWithIdsCountingFromZero() throws Exception {
        run(ENVIRONMENT, "deploy", "--rpc", anvil.url(), "--keystore", keystore.toString(), "--json");
        String consuming = json().get("consuming").asText();
        String meter = AnvilPeer.ACCOUNT_1.getAddress();
        String[] onboard = {"onboard", "--rpc", anvil.url(), "--keystore", keystore.toString(), "--registry", "consuming",
                "--contract", consuming, "--smart-meter", meter, "--json"};

        assertThat(run(ENVIRONMENT, onboard)).isZero();
        assertThat(json().get("assetId").asLong()).isZero();
        assertThat(run(ENVIRONMENT, onboard)).isZero();
        assertThat(json().get("assetId").asLong()).isEqualTo(1);
        assertThat(json().get("smartMeter").asText()).isEqualTo(meter);
    }

    @Test
    void aWrongKeyPasswordExitsWith2() {
        int exit = run(Map.of("ENERGYWEB_KEY_PASSWORD", "not it"), "deploy", "--rpc", anvil.url(), "--keystore", keystore.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("wrong password for keystore");
    }

    @Test
    void onboardingIntoSomethingThatIsNotARegistryExitsWith1AndSaysWhy() {
        int exit = run(ENVIRONMENT, "onboard", "--rpc", anvil.url(), "--keystore", keystore.toString(), "--registry", "sideways",
                "--contract", AnvilPeer.ACCOUNT_1.getAddress(), "--smart-meter", AnvilPeer.ACCOUNT_1.getAddress());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("registry must be producing or consuming");
    }
}
