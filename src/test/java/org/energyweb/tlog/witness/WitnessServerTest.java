package org.energyweb.tlog.witness;

import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TileLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A c2sp.org/tlog-witness served on loopback, spoken to over HTTP as a log would. */
class WitnessServerTest {

    static final String ORIGIN = "example.com/energyweb-log";
    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @TempDir
    Path dir;

    private final NoteSigner log = new NoteSigner(ORIGIN, seed(1));
    private final Cosigner cosigner = new Cosigner("witness.example/w1", seed(2));
    private WitnessServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private WitnessClient startWitness() {
        server = WitnessServer.start(new Witness(cosigner, List.of(log.verifier()), dir.resolve("witness"), Clock.fixed(NOW, ZoneOffset.UTC)),
                new InetSocketAddress("127.0.0.1", 0));
        return new WitnessClient(server.url(), cosigner.verifier());
    }

    /** A log of {@code size} leaves whose leaf i is "{@code prefix} i". */
    private TileLog tree(String name, String prefix, int size) {
        TileLog tiles = TileLog.open(dir.resolve(name));
        for (int i = 0; i < size; i++) {
            tiles.append((prefix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tiles;
    }

    private SignedNote signed(TileLog tiles, NoteSigner key) {
        return SignedNote.sign(new Checkpoint(ORIGIN, tiles.size(), tiles.root()).text(), key);
    }

    private AddCheckpointRequest request(TileLog tiles, long oldSize) {
        return new AddCheckpointRequest(oldSize, MerkleProofs.consistencyProof(tiles, oldSize, tiles.size()), signed(tiles, log));
    }

    @Test
    void aFirstCheckpointFromOldSizeZeroIsCosignedWithTheWitnessKeyAtTheWitnessTime() throws Exception {
        WitnessClient witness = startWitness();
        TileLog tiles = tree("log", "reading", 5);

        WitnessClient.Result result = witness.addCheckpoint(request(tiles, 0));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.cosignatures()).hasSize(1);
        assertThat(cosigner.verifier().verify(signed(tiles, log).text(), result.cosignatures().get(0))).isEqualTo(OptionalLong.of(NOW.getEpochSecond()));
    }

    @Test
    void anExtensionWithAConsistencyProofFromTheCosignedSizeIsCosigned() throws Exception {
        WitnessClient witness = startWitness();
        TileLog tiles = tree("log", "reading", 300);
        TileLog first = tree("first", "reading", 257);
        assertThat(witness.addCheckpoint(request(first, 0)).cosigned()).isTrue();

        assertThat(witness.addCheckpoint(request(tiles, 257)).cosigned()).isTrue();
    }

    @Test
    void anOldSizeOtherThanTheCosignedOneIs409WithTheCosignedSizeAsTextXTlogSize() throws Exception {
        WitnessClient witness = startWitness();
        witness.addCheckpoint(request(tree("first", "reading", 7), 0));
        TileLog tiles = tree("log", "reading", 20);

        HttpResponse<String> response = post(request(tiles, 3).encoded());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("7\n");
        assertThat(witness.addCheckpoint(request(tiles, 0)).cosignedSize()).isEqualTo(7);
    }

    @Test
    void aSecondCheckpointOfTheSameSizeWithAnotherRootIsRefusedAs409() throws Exception {
        WitnessClient witness = startWitness();
        witness.addCheckpoint(request(tree("honest", "reading", 10), 0));
        TileLog forged = tree("forged", "forged reading", 10);

        WitnessClient.Result result = witness.addCheckpoint(request(forged, 10));

        assertThat(result.status()).isEqualTo(409);
        assertThat(result.cosignatures()).isEmpty();
    }

    @Test
    void aCheckpointThatDoesNotExtendTheCosignedOneIsRefusedAs422() throws Exception {
        WitnessClient witness = startWitness();
        witness.addCheckpoint(request(tree("honest", "reading", 10), 0));
        // A fork: the same size-10 claim, but its own proof from its own first 10 leaves.
        TileLog fork = tree("fork", "forked reading", 12);

        WitnessClient.Result result = witness.addCheckpoint(request(fork, 10));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.cosignatures()).isEmpty();
    }

    @Test
    void theCosignedSizeSurvivesARestartOfTheWitness() throws Exception {
        startWitness().addCheckpoint(request(tree("first", "reading", 4), 0));
        server.close();

        assertThat(startWitness().addCheckpoint(request(tree("log", "reading", 6), 0)).cosignedSize()).isEqualTo(4);
    }

    @Test
    void aCheckpointOfAnUnknownOriginIs404() throws Exception {
        WitnessClient witness = startWitness();
        NoteSigner other = new NoteSigner("example.com/other", seed(3));
        TileLog tiles = tree("log", "reading", 3);
        String text = new Checkpoint("example.com/other", 3, tiles.root()).text();

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), SignedNote.sign(text, other))).status()).isEqualTo(404);
    }

    @Test
    void aCheckpointSignedOnlyByAnUntrustedKeyOfTheOriginIs403() throws Exception {
        WitnessClient witness = startWitness();
        TileLog tiles = tree("log", "reading", 3);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), signed(tiles, new NoteSigner(ORIGIN, seed(9))))).status()).isEqualTo(403);
    }

    @Test
    void anOldSizeAboveTheCheckpointSizeIs400() throws Exception {
        WitnessClient witness = startWitness();
        TileLog tiles = tree("log", "reading", 3);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(4, List.of(), signed(tiles, log))).status()).isEqualTo(400);
    }

    @Test
    void aGetIs405() throws Exception {
        startWitness();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] seed(int first) {
        byte[] seed = new byte[32];
        seed[0] = (byte) first;
        return seed;
    }
}
