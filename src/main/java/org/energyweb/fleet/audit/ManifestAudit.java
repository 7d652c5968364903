package org.energyweb.fleet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.JsonSchemas;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The anchor service's manifests, checked from the chain outward: for every {@code LogBatchAnchored} event of the
 * contract, the manifest is fetched from IPFS by the CID the event carries (not the one the service recorded), its
 * CID is computed again from the bytes the node gave (a node may lie), it must satisfy
 * {@code schemas/fleet-manifest-v1.schema.json}, state the event's root, size and offsets, give that root as the
 * tree over its leaves, and list exactly the batch's readings in leaf order.
 */
public final class ManifestAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonSchema SCHEMA = JsonSchemas.load("fleet-manifest-v1.schema.json");

    /** How many manifests were checked (one per anchor event), and what is wrong with them, one line per fault. */
    public record Report(int manifests, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Eth eth;
    private final String contract;
    private final IpfsClient ipfs;

    public ManifestAudit(Eth eth, String contract, IpfsClient ipfs) {
        this.eth = eth;
        this.contract = contract;
        this.ipfs = ipfs;
    }

    /** A batch's readings, as the service stored them, in the manifest's terms. */
    public static List<ServiceManifest.Leaf> readings(List<BatchChainStore.Leaf> leaves) {
        return leaves.stream().map(leaf -> new ServiceManifest.Leaf(leaf.gateway(), leaf.meter(), leaf.seq(), leaf.sha256())).toList();
    }

    /**
     * @param readingsByRoot each batch's readings in leaf order, by its root as the chain gives it ({@code 0x} and lower-case hex);
     *                       an event whose root is not there is a fault
     */
    public Report run(Map<String, List<ServiceManifest.Leaf>> readingsByRoot) {
        List<Log> events = eth.logs(contract, List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0, eth.blockNumber());
        List<String> problems = new ArrayList<>();
        for (Log log : events) {
            Map<String, Object> event = ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(log);
            String root = ((String) event.get("root")).toLowerCase();
            String cid = (String) event.get("manifestCid");
            List<String> faults = new ArrayList<>();
            check(event, root, cid, readingsByRoot.get(root), faults);
            faults.forEach(fault -> problems.add("root " + root + ", manifest " + cid + ": " + fault));
        }
        return new Report(events.size(), problems);
    }

    private void check(Map<String, Object> event, String root, String cid, List<ServiceManifest.Leaf> readings, List<String> faults) {
        if (readings == null) {
            faults.add("no batch of the service has this root");
            return;
        }
        Cid onChain;
        try {
            onChain = Cid.parse(cid);
        } catch (RuntimeException e) {
            faults.add("the CID on chain is not a CID");
            return;
        }
        byte[] bytes;
        try {
            bytes = ipfs.cat(onChain);
        } catch (IpfsException e) {
            faults.add("not fetched from IPFS (" + e.reason() + ")");
            return;
        }
        Cid computed = ServiceManifest.cid(bytes);
        if (!computed.equals(onChain)) {
            faults.add("IPFS gave " + bytes.length + " bytes whose CID is " + computed);
            return;
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (IOException e) {
            faults.add("not JSON");
            return;
        }
        SCHEMA.validate(manifest).forEach(violation -> faults.add("breaks the schema: " + violation.getMessage()));
        if (!faults.isEmpty()) {
            return;
        }
        List<ServiceManifest.Leaf> leaves = new ArrayList<>();
        List<byte[]> leafInputs = new ArrayList<>();
        manifest.path("leaves").forEach(leaf -> {
            leaves.add(new ServiceManifest.Leaf(leaf.path("gateway").asText(), leaf.path("meter").asText(), leaf.path("seq").asLong(),
                    leaf.path("sha256").asText()));
            leafInputs.add(HEX.parseHex(leaf.path("sha256").asText()));
        });
        same("root", "0x" + manifest.path("root").asText(), root, faults);
        same("size", BigInteger.valueOf(manifest.path("size").asLong()), event.get("size"), faults);
        same("firstOffset", BigInteger.valueOf(manifest.path("firstOffset").asLong()), event.get("firstPosition"), faults);
        same("lastOffset", BigInteger.valueOf(manifest.path("lastOffset").asLong()), event.get("lastPosition"), faults);
        same("number of leaves", leaves.size(), manifest.path("size").asInt(), faults);
        same("tree root over its leaves", "0x" + HEX.formatHex(MerkleTree.ofLeafInputs(leafInputs).root()), root, faults);
        if (!leaves.equals(readings)) {
            faults.add("its " + leaves.size() + " leaves are not the batch's " + readings.size() + " readings in leaf order");
        }
    }

    private static void same(String what, Object manifest, Object chain, List<String> faults) {
        if (!manifest.equals(chain)) {
            faults.add(what + " " + manifest + " where " + chain + " was expected");
        }
    }
}
