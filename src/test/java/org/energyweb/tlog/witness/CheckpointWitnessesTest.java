package org.energyweb.tlog.witness;

import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TileLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A log getting its checkpoints cosigned by two witnesses served on loopback. */
class CheckpointWitnessesTest {

    static final String ORIGIN = "gateway.example/log";

    @TempDir
    Path dir;

    private final NoteSigner logKey = new NoteSigner(ORIGIN, WitnessServerTest.seed(1));
    private final List<WitnessServer> servers = new ArrayList<>();
    private final List<WitnessClient> clients = new ArrayList<>();
    private final List<Cosigner> cosigners = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(WitnessServer::close);
    }

    private void startWitness(String name, int seed) {
        Cosigner cosigner = new Cosigner(name, WitnessServerTest.seed(seed));
        WitnessServer server = WitnessServer.start(new Witness(cosigner, List.of(logKey.verifier()), dir.resolve(name.replace('/', '-')),
                Clock.systemUTC()), new InetSocketAddress("127.0.0.1", 0));
        servers.add(server);
        cosigners.add(cosigner);
        clients.add(new WitnessClient(server.url(), cosigner.verifier()));
    }

    private static void grow(TileLog tiles, String prefix, int size) {
        for (long i = tiles.size(); i < size; i++) {
            tiles.append((prefix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private SignedNote checkpoint(TileLog tiles) {
        return SignedNote.sign(new Checkpoint(ORIGIN, tiles.size(), tiles.root()).text(), logKey);
    }

    @Test
    void eachGrownCheckpointCarriesTheLogSignatureAndOneCosignatureOfEveryWitness() throws Exception {
        startWitness("witness.example/w1", 2);
        startWitness("witness.example/w2", 3);
        CheckpointWitnesses witnesses = new CheckpointWitnesses(clients);
        TileLog tiles = TileLog.open(dir.resolve("log"));
        grow(tiles, "reading", 300);
        witnesses.cosign(checkpoint(tiles), tiles);
        grow(tiles, "reading", 600);

        CheckpointWitnesses.Cosigned cosigned = witnesses.cosign(checkpoint(tiles), tiles);
        SignedNote note = SignedNote.parse(cosigned.note().encoded());

        assertThat(cosigned.cosignatures()).as(cosigned.refusals().toString()).isEqualTo(2);
        assertThat(note.signatures()).hasSize(3);
        assertThat(note.verifiedBy(List.of(logKey.verifier()))).containsExactly(logKey.verifier());
        for (int i = 0; i < 2; i++) {
            CosignatureVerifier key = cosigners.get(i).verifier();
            assertThat(note.signatures().stream().filter(line -> key.verify(note.text(), line).isPresent())).hasSize(1);
        }
    }

    @Test
    void aLogInstanceThatDoesNotKnowAWitnessSizeLearnsItFromThe409AndIsCosigned() throws Exception {
        startWitness("witness.example/w1", 2);
        TileLog tiles = TileLog.open(dir.resolve("log"));
        grow(tiles, "reading", 300);
        new CheckpointWitnesses(clients).cosign(checkpoint(tiles), tiles);
        grow(tiles, "reading", 400);

        CheckpointWitnesses.Cosigned cosigned = new CheckpointWitnesses(clients).cosign(checkpoint(tiles), tiles);

        assertThat(cosigned.cosignatures()).as(cosigned.refusals().toString()).isEqualTo(1);
    }

    @Test
    void aWitnessHoldingAnotherHistoryRefusesAndTheOthersStillCosign() throws Exception {
        startWitness("witness.example/w1", 2);
        startWitness("witness.example/w2", 3);
        TileLog forged = TileLog.open(dir.resolve("forged"));
        grow(forged, "forged reading", 300);
        new CheckpointWitnesses(clients.subList(1, 2)).cosign(checkpoint(forged), forged);
        TileLog tiles = TileLog.open(dir.resolve("log"));
        grow(tiles, "reading", 400);

        CheckpointWitnesses.Cosigned cosigned = new CheckpointWitnesses(clients).cosign(checkpoint(tiles), tiles);

        assertThat(cosigned.cosignatures()).isEqualTo(1);
        assertThat(cosigned.refusals()).singleElement().asString().contains("witness.example/w2").contains("422");
    }

    @Test
    void aWitnessThatNeverAnswersTimesOutWhileTheOtherCosigns() throws Exception {
        startWitness("witness.example/w1", 2);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cosigner mute = new Cosigner("witness.example/mute", WitnessServerTest.seed(4));
            List<WitnessClient> asked = List.of(new WitnessClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()), mute.verifier(),
                    Duration.ofSeconds(1)), clients.get(0));
            TileLog tiles = TileLog.open(dir.resolve("log"));
            grow(tiles, "reading", 10);

            CheckpointWitnesses.Cosigned cosigned = new CheckpointWitnesses(asked).cosign(checkpoint(tiles), tiles);

            assertThat(cosigned.cosignatures()).isEqualTo(1);
            assertThat(cosigned.refusals()).singleElement().asString().contains("witness.example/mute").contains("could not be asked");
        }
    }
}
