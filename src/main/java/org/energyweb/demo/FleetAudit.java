package org.energyweb.demo;

import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.fleet.audit.ManifestAudit;
import org.energyweb.fleet.gateway.FleetResults;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fleet demo's closing check, trusting no process's own account: it reads every gateway's ledger
 * (stopped), the service's database and the chain's events, and requires that every reading of every
 * gateway was accepted by the service exactly once and nothing else was, that each sits in one batch
 * whose Merkle tree over the stored readings gives the anchored root, that this root was anchored on
 * chain exactly once by a transaction the chain holds, that every reading's inclusion proof leads to
 * it, that each gateway recorded every proof on its {@code fleet} hop (and, with IPFS, every document
 * there, and every batch's manifest under the CID on chain: {@link ManifestAudit}), that every ledger verifies,
 * and that no record became a dead letter.
 */
final class FleetAudit {

    private static final HexFormat HEX = HexFormat.of();

    private final List<Path> ledgers;
    private final FleetStore store;
    private final String jdbcUrl;
    private final Eth eth;
    private final String anchorContract;
    private final String ipfsApi;
    private final boolean withIpfs;
    private final int metersPerGateway;
    private final List<String> lines = new ArrayList<>();
    private boolean ok = true;

    /** {@code ipfsApi}: the IPFS node the gateways' documents and the batches' manifests are on, null when none. */
    FleetAudit(List<Path> ledgers, int metersPerGateway, FleetStore store, String jdbcUrl, Eth eth, String anchorContract, String ipfsApi) {
        this.ledgers = ledgers;
        this.metersPerGateway = metersPerGateway;
        this.store = store;
        this.jdbcUrl = jdbcUrl;
        this.eth = eth;
        this.anchorContract = anchorContract;
        this.ipfsApi = ipfsApi;
        this.withIpfs = ipfsApi != null;
    }

    /** A reading as its gateway's ledger holds it. */
    private record Ledgered(String gateway, String meter, long seq) {
    }

    /** A reading as the service stored it. */
    private record Stored(String gateway, String meter, long seq, Long batch) {
    }

    DemoReport run() {
        Map<String, Ledgered> ledgered = readLedgers();
        Map<String, Stored> stored = storedReadings();
        checkExactlyOnce(ledgered, stored);
        checkBatchesAndChain(stored);
        List<?> deadLetters = store.deadLetters();
        check(deadLetters.isEmpty(), "dead letters at the service: " + deadLetters.size());
        lines.add(ok ? "AUDIT PASSED: every reading of every gateway anchored exactly once, every proof verifies against the chain"
                : "AUDIT FAILED");
        return new DemoReport(lines, ok);
    }

    /** Every reading of every gateway's ledger, by its document's SHA-256; each ledger verified and its hops counted. */
    private Map<String, Ledgered> readLedgers() {
        Map<String, Ledgered> all = new HashMap<>();
        for (Path data : ledgers) {
            String gateway = data.getFileName().toString();
            VerifyReport report = LedgerVerifier.verify(data);
            check(report.ok(), gateway + ": ledger " + (report.ok() ? "verified" : "FAILED verification: " + report.problems()));
            try (Ledger ledger = Ledger.open(data)) {
                long size = ledger.size();
                for (long position = 1; position <= size; position++) {
                    LedgerEntry entry = ledger.at(position).orElseThrow();
                    all.put(entry.document().sha256Hex(), new Ledgered(gateway, entry.meter(), entry.seq()));
                }
                long proofsBack = ledger.hops().countByState(FleetResults.HOP).getOrDefault(FleetResults.ANCHORED, 0L);
                // a gateway whose meters never read would pass every other check
                check(ledger.heads().size() == metersPerGateway && proofsBack == size, String.format(
                        "%s: %d readings in %d meters' chains (of %d), %d proofs recorded on its fleet hop", gateway, size,
                        ledger.heads().size(), metersPerGateway, proofsBack));
                if (withIpfs) {
                    long onIpfs = ledger.hops().countByState(IpfsHop.NAME).getOrDefault(IpfsHop.STORED, 0L);
                    check(onIpfs == size, String.format("%s: %d documents stored on IPFS", gateway, onIpfs));
                }
            }
        }
        return all;
    }

    private Map<String, Stored> storedReadings() {
        Map<String, Stored> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement select = db.createStatement();
             // a reading's batch: the one of its partition whose log range holds the reading's log index
             ResultSet rs = select.executeQuery("SELECT r.sha256, r.gateway, r.meter, r.seq, b.id FROM fleet_reading r LEFT JOIN LATERAL ("
                     + "SELECT id, end_index FROM fleet_batch WHERE topic = r.topic AND partition = r.partition AND first_index <= r.log_index "
                     + "ORDER BY first_index DESC LIMIT 1) b ON r.log_index < b.end_index")) {
            while (rs.next()) {
                long batch = rs.getLong(5);
                stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getLong(4), rs.wasNull() ? null : batch));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's readings: " + e.getMessage(), e);
        }
        return stored;
    }

    /** The service holds each ledgered reading once (its SHA-256 is the key, meter#seq unique), with the same owner, and nothing more. */
    private void checkExactlyOnce(Map<String, Ledgered> ledgered, Map<String, Stored> stored) {
        long missing = ledgered.keySet().stream().filter(sha256 -> !stored.containsKey(sha256)).count();
        long foreign = stored.keySet().stream().filter(sha256 -> !ledgered.containsKey(sha256)).count();
        long misattributed = ledgered.entrySet().stream().filter(e -> stored.containsKey(e.getKey()))
                .filter(e -> !new Ledgered(stored.get(e.getKey()).gateway(), stored.get(e.getKey()).meter(), stored.get(e.getKey()).seq())
                        .equals(e.getValue())).count();
        long unbatched = stored.values().stream().filter(s -> s.batch() == null).count();
        check(missing == 0 && foreign == 0 && misattributed == 0 && unbatched == 0, String.format(
                "service: %d readings stored for the gateways' %d (missing %d, not from a ledger %d, wrong gateway/meter/seq %d, in no batch %d)",
                stored.size(), ledgered.size(), missing, foreign, misattributed, unbatched));
    }

    /** Every batch published, its tree giving its root, anchored once on chain, each of its readings' proofs leading there. */
    private void checkBatchesAndChain(Map<String, Stored> stored) {
        Map<Long, List<String>> byBatch = new TreeMap<>();
        stored.forEach((sha256, s) -> {
            if (s.batch() != null) {
                byBatch.computeIfAbsent(s.batch(), b -> new ArrayList<>()).add(sha256);
            }
        });
        BatchChainStore batches = store.chainStore();
        ChainAnchorCheck onChain = new ChainAnchorCheck(eth);
        ProofVerifier paths = ProofVerifier.hashesOnly();
        Map<String, Integer> roots = new HashMap<>();
        Map<String, List<ServiceManifest.Leaf>> readingsByRoot = new HashMap<>();
        long proofs = 0;
        long badProofs = 0;
        long notAnchored = 0;
        for (Map.Entry<Long, List<String>> batch : byBatch.entrySet()) {
            Optional<BatchChainStore.Anchored> anchored = batches.anchoredBatchOf(batch.getValue().get(0));
            if (anchored.isEmpty()) {
                notAnchored++;
                continue;
            }
            List<BatchChainStore.Leaf> leaves = batches.leaves(batch.getKey());
            MerkleTree tree = ServiceProofs.tree(anchored.get(), leaves);
            Anchor anchor = ServiceProofs.anchor(anchored.get());
            Optional<String> problem = onChain.problem(anchor, tree.root(), tree.size());
            if (problem.isPresent()) {
                lines.add("batch " + batch.getKey() + ": " + problem.get());
                notAnchored++;
            }
            roots.merge("0x" + HEX.formatHex(tree.root()), 1, Integer::sum);
            readingsByRoot.put("0x" + HEX.formatHex(tree.root()), ManifestAudit.readings(leaves));
            for (BatchChainStore.Leaf leaf : leaves) {
                Verification verification = paths.verify(ServiceProofs.prove(tree, leaf, anchor));
                proofs++;
                if (!verification.valid()) {
                    badProofs++;
                }
            }
        }
        long unpublished = byBatch.size() - batches.count(BatchState.PUBLISHED);
        check(notAnchored == 0 && unpublished == 0, String.format("batches: %d, each anchored on chain (%d not) and published to the gateways"
                + " (%d not)", byBatch.size(), notAnchored, unpublished));
        check(badProofs == 0 && proofs == stored.size(), String.format("inclusion proofs: %d of %d readings lead to their batch's anchored root"
                + " (%d do not)", proofs - badProofs, stored.size(), badProofs));
        Map<String, Integer> events = new HashMap<>();
        eth.logs(anchorContract, List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0, eth.blockNumber())
                .forEach(log -> events.merge(((String) ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(log).get("root")).toLowerCase(), 1,
                        Integer::sum));
        check(events.equals(roots), String.format("chain: %d LogBatchAnchored events on %s, one per batch root (%s)", events.values().stream()
                .mapToInt(Integer::intValue).sum(), anchorContract, events.equals(roots) ? "matches" : "DIFFERS from the batches"));
        if (withIpfs) {
            ManifestAudit.Report manifests = new ManifestAudit(eth, anchorContract, new IpfsClient(IpfsClientConfig.of(ipfsApi))).run(readingsByRoot);
            manifests.problems().stream().limit(10).forEach(lines::add);
            check(manifests.ok(), String.format("manifests: %d fetched from IPFS by the CID on chain, each giving that CID and listing its batch's"
                    + " readings in leaf order under its anchored root (%d faults)", manifests.manifests(), manifests.problems().size()));
        }
    }

    private void check(boolean passed, String line) {
        ok &= passed;
        lines.add((passed ? "ok   " : "FAIL ") + line);
    }
}
