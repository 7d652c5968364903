package org.energyweb.tlog.witness.cli;

import org.energyweb.chaos.GatewayProcess;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.proof.MerkleHash;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.witness.AddCheckpointRequest;
import org.energyweb.tlog.witness.CosignatureVerifier;
import org.energyweb.tlog.witness.WitnessClient;
import org.energyweb.tlog.witness.WitnessKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** energyweb witness key [new] and energyweb witness, the latter as a separate process. */
class WitnessCommandTest {

    @TempDir
    Path dir;

    @Test
    void witnessKeyNewCreatesAnEncryptedCosignatureKeyWhoseVerifierKeyWitnessKeyPrints() throws Exception {
        Path key = dir.resolve("witness.json");
        Path password = Files.writeString(dir.resolve("password"), "witness password\n");

        Result created = CliTestSupport.run("witness", "key", "new", "--key", key.toString(), "--name", "witness.example/w1",
                "--password-file", password.toString(), "--light");
        Result shown = CliTestSupport.run("witness", "key", "--key", key.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(CosignatureVerifier.parse(created.out()).name()).isEqualTo("witness.example/w1");
        assertThat(shown.out()).isEqualTo(created.out());
        assertThat(WitnessKeys.unlock(key, "witness password".toCharArray()).verifier().text()).isEqualTo(created.out().strip());
        assertThat(Files.readString(key)).contains("scrypt").doesNotContain("witness password");
    }

    @Test
    void theWitnessProcessCosignsASignedCheckpointOfItsLogOverHttp() throws Exception {
        Path key = dir.resolve("witness.json");
        Path password = Files.writeString(dir.resolve("password"), "witness password\n");
        CliTestSupport.run("witness", "key", "new", "--key", key.toString(), "--name", "witness.example/w1", "--password-file", password.toString(), "--light");
        NoteSigner log = new NoteSigner("gateway.example/log", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        GatewayProcess witness = GatewayProcess.launchFromClasses(dir.resolve("witness.log"), "witness", "--key", key.toString(),
                "--password-file", password.toString(), "--listen", "127.0.0.1:0", "--log", log.verifier().text(),
                "--state", dir.resolve("state").toString());
        try {
            Pattern printed = Pattern.compile("listening on (http://\\S+)/add-checkpoint");
            witness.awaitReady(() -> printed.matcher(witness.output()).find(), Duration.ofSeconds(60));
            Matcher url = printed.matcher(witness.output());
            assertThat(url.find()).isTrue();
            byte[] leaf = MerkleHash.leaf("reading 0".getBytes());
            SignedNote checkpoint = SignedNote.sign(new Checkpoint("gateway.example/log", 1, leaf).text(), log);

            WitnessClient.Result result = new WitnessClient(URI.create(url.group(1)), WitnessKeys.verifier(key))
                    .addCheckpoint(new AddCheckpointRequest(0, List.of(), checkpoint));

            assertThat(result.cosigned()).as(result.body()).isTrue();
        } finally {
            witness.kill();
        }
    }
}
