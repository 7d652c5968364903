package org.energyweb.tlog.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LogProver;
import org.energyweb.tlog.LogSnapshot;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.TileLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code log publish} puts a log folder's tiles and checkpoints on a real js-ipfs node as one UnixFS directory, and its
 * read-only gateway then serves them at {@code /ipfs/<root>/} as a c2sp.org/tlog-tiles log that monitors and provers read.
 */
class LogOnIpfsTest {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NoteSigner logKey = new NoteSigner("gateway.example/log", TestLogs.seed(7));

    @TempDir
    Path data;

    private TileLog tiles;

    @BeforeEach
    void logOf600Leaves() throws Exception {
        tiles = grow(TileLog.open(data.resolve("log")), 600);
    }

    /** The log grown to {@code size} leaves, its checkpoint signed and kept, as a gateway leaves its DATA/log. */
    private TileLog grow(TileLog log, int size) throws Exception {
        TestLogs.grow(log, data.resolve("log"), "reading", size, logKey);
        new KeptCheckpoints(data).keep(TestLogs.checkpoint(log, logKey));
        return log;
    }

    private String publish() throws Exception {
        Result published = CliTestSupport.run("log", "publish", "--data", data.toString(), "--ipfs", IPFS.apiUrl(), "--json");
        assertThat(published.exitCode()).as(published.err()).isZero();
        JsonNode answer = JSON.readTree(published.out());
        assertThat(answer.get("size").asLong()).isEqualTo(tiles.size());
        return answer.get("cid").asText();
    }

    private TileSource onGateway(String root) {
        return TileSource.served(URI.create(IPFS.gatewayUrl() + "/ipfs/" + root + "/"), false);
    }

    @Test
    void theGatewayServesEveryPublishedResourceByteForByteAsTheLogFolderHoldsIt() throws Exception {
        String root = publish();

        LogSnapshot local = LogSnapshot.of(data);
        assertThat(local.paths()).as("the tlog-tiles resources, not the writer's own files").doesNotContain("tree-size").contains("checkpoint", "tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2",
                "tile/entries/000", "tile/entries/002.p/88", "checkpoints/600");
        TileSource ipfs = onGateway(root);
        for (String path : local.paths()) {
            assertThat(ipfs.read(path)).as(path).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(local.read(path)));
        }
    }

    @Test
    void eachPublishIsANewSnapshotWhoseFullTilesAreThoseOfTheEarlierOne() throws Exception {
        String first = publish();
        grow(tiles, 1000);
        String second = publish();

        assertThat(second).isNotEqualTo(first);
        for (String unchanged : new String[] {"tile/0/000", "tile/0/001", "tile/entries/001", "checkpoints/600"}) {
            assertThat(onGateway(second).read(unchanged).orElseThrow()).as(unchanged).isEqualTo(onGateway(first).read(unchanged).orElseThrow());
        }
    }

    @Test
    void proofsFromTheTilesOnIpfsAreTheProofsFromTheLocalTiles() throws Exception {
        publish();
        grow(tiles, 1000);
        TileHashes fromIpfs = new TileHashes(onGateway(publish()), 1000);

        LogProver local = new LogProver(data);
        assertThat(MerkleProofs.consistencyProof(fromIpfs, 600, 1000)).containsExactlyElementsOf(local.consistency(600, Optional.empty()).proof());
        assertThat(MerkleProofs.root(fromIpfs, 1000)).isEqualTo(tiles.root());
        assertThat(MerkleProofs.inclusionPath(fromIpfs, 599, 1000)).containsExactlyElementsOf(MerkleProofs.inclusionPath(tiles, 599, 1000));
    }

    @Test
    void aMonitorReadingEachPublishFromTheIpfsGatewayFindsTheLogConsistent() throws Exception {
        String first = publish();
        grow(tiles, 1000);
        String second = publish();
        Path state = data.resolve("monitor-state");

        for (String root : new String[] {first, second}) {
            Result monitor = CliTestSupport.run("log", "monitor", IPFS.gatewayUrl() + "/ipfs/" + root + "/", "--key", logKey.verifier().text(),
                    "--state", state.toString());
            assertThat(monitor.exitCode()).as(monitor.err()).isZero();
        }
        assertThat(new LogMonitor(TileSource.folder(data.resolve("log")), logKey.verifier(), state).lastSeen().orElseThrow().size())
                .isEqualTo(1000);
    }

    @Test
    void plainHttpToAnIpfsNodeOffLoopbackIsRefused() {
        Result refused = CliTestSupport.run("log", "publish", "--data", data.toString(), "--ipfs", "http://192.0.2.1:5001");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing plain HTTP to 192.0.2.1");
    }
}
