package org.energyweb.observe;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.energyweb.ledger.Ledger;
import org.energyweb.proof.MerkleHash;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The transparency log on the management port, as c2sp.org/tlog-tiles lays out its resources. */
class LogResourcesTest {

    private static final NoteSigner KEY = new NoteSigner("gateway.example/log", new byte[32]);

    @TempDir
    Path data;
    private Vertx vertx;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new LogResources(data.resolve(LedgerLog.DIRECTORY)).install(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + "/log/";
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aClientRebuildsTheSignedCheckpointsRootFromTheServedTilesAlone() throws Exception {
        SignedNote signed;
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            for (int i = 1; i <= 300; i++) {
                ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), i * 10L, "test"));
            }
            log.awaitLedger();
            signed = log.checkpoint(KEY);
        }
        HttpResponse<String> checkpoint = http.send(get("checkpoint"), HttpResponse.BodyHandlers.ofString());
        Checkpoint served = Checkpoint.parse(SignedNote.parse(checkpoint.body()).text());
        byte[] full = fetch(TilePath.tile(0, 0, 256));
        byte[] partial = fetch(TilePath.tile(0, 1, 44));
        byte[] level1 = fetch(TilePath.tile(1, 0, 1));
        byte[] leafHashes = concat(full, partial);

        assertThat(checkpoint.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(checkpoint.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(checkpoint.body()).isEqualTo(signed.encoded());
        assertThat(served.size()).isEqualTo(300);
        assertThat(level1).isEqualTo(MerkleProofs.root((level, index) -> hashAt(full, level, index), 256));
        assertThat(MerkleProofs.root((level, index) -> hashAt(leafHashes, level, index), 300)).isEqualTo(served.root());
    }

    @Test
    void tilesAreServedImmutableAndNothingOutsideTheTileGrammarIsServed() throws Exception {
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-01-01T00:00:00Z"), 10, "test"));
            log.awaitLedger();
            log.checkpoint(KEY);
        }
        Files.writeString(data.resolve("log/tile/0/000.p/secret"), "not a tile");

        HttpResponse<byte[]> tile = http.send(get("tile/0/000.p/1"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> bundle = http.send(get("tile/entries/000.p/1"), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(tile.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("immutable"));
        assertThat(bundle.statusCode()).isEqualTo(200);
        for (String outside : List.of("tree-size", "tile/0/000.p/secret", "tile/0/000.p/01", "tile/64/000", "tile/0/1",
                "tile/0/x000", "tile/0/000.p/256", "../ledger.db", "tile/../../ledger.db", "tile/0/000")) {
            assertThat(http.send(get(outside), HttpResponse.BodyHandlers.ofString()).statusCode()).as(outside).isEqualTo(404);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).build();
    }

    private byte[] fetch(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The complete subtree over consecutive level-0 hashes, rebuilt by hashing them (tlog-tiles "Merkle Tree"). */
    private static byte[] hashAt(byte[] leafHashes, int level, long index) {
        int count = 1 << level;
        byte[][] nodes = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (int) ((index * count + i) * MerkleHash.LENGTH);
            nodes[i] = Arrays.copyOfRange(leafHashes, at, at + MerkleHash.LENGTH);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                nodes[i] = MerkleHash.node(nodes[2 * i], nodes[2 * i + 1]);
            }
        }
        return nodes[0];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
