package org.energyweb.fleet.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionEncoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest audit on a real anvil and js-ipfs: it passes a batch whose manifest is on IPFS under the CID on
 * chain, and reports a manifest IPFS does not have, a node answering other bytes for the CID, a manifest breaking its
 * schema, and a manifest whose leaves are not the batch's readings.
 */
class ManifestAuditTest {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AnvilPeer anvil;
    /** A fresh contract per test, so each audit sees only its own test's events. */
    private DevChain chain;

    @BeforeAll
    static void startAnvil() {
        anvil = AnvilPeer.automine();
    }

    @AfterAll
    static void stopAnvil() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @BeforeEach
    void deployContracts() {
        chain = new DevChain(anvil);
    }

    @Test
    void aBatchWhoseManifestIsOnIpfsUnderTheCidOnChainPasses() {
        List<ServiceManifest.Leaf> readings = readings("pass");
        byte[] manifest = manifest(readings);
        IPFS.client().add(manifest, ServiceManifest.CID_OPTIONS, true);
        String root = anchor(manifest, readings);

        ManifestAudit.Report report = audit(IPFS.client()).run(Map.of(root, readings));

        assertThat(report.problems()).isEmpty();
        assertThat(report.manifests()).isEqualTo(1);
    }

    @Test
    void aManifestMissingFromIpfsIsReported() {
        List<ServiceManifest.Leaf> readings = readings("missing");
        String root = anchor(manifest(readings), readings);
        // the offline node looks for the block until the call's timeout
        IpfsClient impatient = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withTimeout(Duration.ofSeconds(2)));

        ManifestAudit.Report report = audit(impatient).run(Map.of(root, readings));

        assertThat(report.problems()).singleElement().asString().contains(root).contains("not fetched from IPFS");
    }

    @Test
    void aNodeAnsweringOtherBytesForTheCidOnChainIsReported() throws Exception {
        List<ServiceManifest.Leaf> readings = readings("lying");
        String root = anchor(manifest(readings), readings);
        byte[] other = manifest(readings("other"));
        HttpServer liar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        liar.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, other.length);
            exchange.getResponseBody().write(other);
            exchange.close();
        });
        liar.start();
        try {
            IpfsClient lying = new IpfsClient(IpfsClientConfig.of("http://127.0.0.1:" + liar.getAddress().getPort()));

            ManifestAudit.Report report = audit(lying).run(Map.of(root, readings));

            assertThat(report.problems()).singleElement().asString().contains(root)
                    .contains("whose CID is " + ServiceManifest.cid(other));
        } finally {
            liar.stop(0);
        }
    }

    @Test
    void aManifestWhoseLeavesAreNotTheBatchsReadingsIsReported() {
        List<ServiceManifest.Leaf> readings = readings("misattributed");
        List<ServiceManifest.Leaf> claimed = readings.stream()
                .map(leaf -> new ServiceManifest.Leaf("gw-other", leaf.meter(), leaf.seq(), leaf.sha256())).toList();
        byte[] manifest = manifest(claimed);
        IPFS.client().add(manifest, ServiceManifest.CID_OPTIONS, true);
        String root = anchor(manifest, readings);

        ManifestAudit.Report report = audit(IPFS.client()).run(Map.of(root, readings));

        assertThat(report.problems()).singleElement().asString().contains(root).contains("not the batch's 3 readings in leaf order");
    }

    @Test
    void aManifestBreakingTheSchemaIsReportedByTheValidatorsMessages() throws Exception {
        List<ServiceManifest.Leaf> readings = readings("malformed");
        ObjectNode malformed = (ObjectNode) JSON.readTree(manifest(readings));
        malformed.remove("topic");
        malformed.put("size", "3");
        byte[] manifest = JSON.writeValueAsBytes(malformed);
        IPFS.client().add(manifest, ServiceManifest.CID_OPTIONS, true);
        String root = anchor(manifest, readings);

        ManifestAudit.Report report = audit(IPFS.client()).run(Map.of(root, readings));

        assertThat(report.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .startsWith("root " + root + ", manifest " + ServiceManifest.cid(manifest) + ": breaks the schema: "));
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem).endsWith("required property 'topic' not found"))
                .anySatisfy(problem -> assertThat(problem).endsWith("$.size: string found, integer expected"));
    }

    private ManifestAudit audit(IpfsClient ipfs) {
        return new ManifestAudit(chain.eth, chain.contracts.anchor(), ipfs);
    }

    /** Three readings of one meter whose documents are stand-ins named by {@code tag}. */
    private static List<ServiceManifest.Leaf> readings(String tag) {
        return IntStream.range(0, 3).mapToObj(seq -> new ServiceManifest.Leaf("gw-1", "meter-" + tag, seq,
                Sha256.hex(Sha256.digest((tag + "/" + seq + "/" + System.nanoTime()).getBytes(StandardCharsets.UTF_8))))).toList();
    }

    private static byte[] manifest(List<ServiceManifest.Leaf> leaves) {
        return ServiceManifest.json("readings", 0, 10, 12, root(leaves), leaves);
    }

    /** Anchors the readings' root with the manifest's CID, as a worker would; returns the root as the chain gives it. */
    private String anchor(byte[] manifest, List<ServiceManifest.Leaf> readings) {
        byte[] root = root(readings);
        chain.admin.transactor().execute(chain.contracts.anchor(), FunctionEncoder.encode(
                ReadingAnchorContract.anchor(root, readings.size(), 10, 12, ServiceManifest.cid(manifest).toString())));
        return "0x" + HEX.formatHex(root);
    }

    private static byte[] root(List<ServiceManifest.Leaf> leaves) {
        return MerkleTree.ofLeafInputs(leaves.stream().map(leaf -> HEX.parseHex(leaf.sha256())).toList()).root();
    }
}
