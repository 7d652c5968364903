package org.energyweb.demo;

import org.energyweb.batch.BatchHop;
import org.energyweb.batch.BatchProver;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.cli.Plural;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.peers.OrphanedPeers;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Sha256;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The whole pipeline on embedded defaults, for {@code energyweb demo}: simulated meters, the ledger
 * in the data folder, IPFS (a local node or the local block store) and a local anvil chain with our
 * contracts, each reading anchored with saveSmartMeterRead.
 */
public final class Demo implements AutoCloseable {

    /** The peers this demo started (PID and command line), so the next start on the folder reaps them after a SIGKILL. */
    static final String PEERS_FILE = "peers.pids";

    private final Path dataDir;
    private final Ledger ledger;
    private final DemoIpfs ipfs;
    private final DemoChain chain;
    private final DemoCamel camel;
    private final long ledgeredBefore;
    private final DemoMode mode;

    private Demo(Path dataDir, Ledger ledger, DemoIpfs ipfs, DemoChain chain, DemoCamel camel, DemoMode mode) {
        this.mode = mode;
        this.dataDir = dataDir;
        this.ledger = ledger;
        this.ipfs = ipfs;
        this.chain = chain;
        this.camel = camel;
        this.ledgeredBefore = ledger.size();
    }

    public static Demo start(Path dataDir, int meters, Duration period, boolean withChain, DemoMode mode, Consumer<String> log)
            throws Exception {
        Ledger ledger = Ledger.open(dataDir);
        List<AutoCloseable> started = new ArrayList<>(List.of(ledger));
        try {
            // The folder's lock is ours now: peers still running for it belong to a demo that was killed.
            int reaped = OrphanedPeers.reap(ledger.dataDir().resolve(PEERS_FILE));
            if (reaped > 0) {
                log.accept("stopped " + reaped + " peer process(es) left running by a demo that was killed");
            }
            log.accept(String.format("Energyweb demo: %s, a reading each %d ms; ledger in %s (%s already)",
                    Plural.of(meters, "simulated meter"), period.toMillis(), ledger.dataDir(), Plural.of(ledger.size(), "reading")));
            DemoIpfs ipfs = DemoIpfs.start(ledger.dataDir());
            started.add(ipfs);
            log.accept("IPFS: " + ipfs.describe());
            DemoChain chain = null;
            if (withChain && DemoChain.isInstalled()) {
                List<String> meterIds = IntStream.rangeClosed(1, meters).mapToObj(i -> "demo-" + i).toList();
                chain = DemoChain.start(ledger.dataDir(), ledger, meterIds);
                started.add(chain);
                log.accept("chain: anvil at " + chain.rpcUrl() + (mode == DemoMode.ORIGIN
                        ? ", a saveSmartMeterRead per reading on producing registry " + chain.producing() + ", one asset per meter"
                        : ", one Merkle root per batch on anchor contract " + chain.anchor()));
            } else {
                log.accept("chain: left out" + (withChain ? " (anvil is not installed: run npm install in src/test/peers)" : "")
                        + "; readings wait in the ledger's outbox");
            }
            OrphanedPeers.record(ledger.dataDir().resolve(PEERS_FILE));
            DemoCamel camel = DemoCamel.start(ledger, new DemoRoutes(meters, period, ipfs, chain, mode), log);
            return new Demo(ledger.dataDir(), ledger, ipfs, chain, camel, mode);
        } catch (Exception | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            throw e;
        }
    }

    /** One line: how far each hop has got. */
    public String progress() {
        StringBuilder line = new StringBuilder().append(ledger.size() - ledgeredBefore).append(" ledgered, ")
                .append(sum(ledger.hops().countByState(IpfsHop.NAME))).append(" on IPFS");
        if (chain != null) {
            line.append(", ").append(ledger.hops().countByState(anchorHop()).getOrDefault(ChainHop.CONFIRMED, 0L)).append(" anchored");
        }
        return line.toString();
    }

    public void stopMeters() throws Exception {
        camel.context().getRouteController().stopRoute("demo-meters");
    }

    /** True once IPFS and the chain have caught up with the ledger. */
    public boolean drained() {
        boolean ipfsDone = ledger.hops().countPending(IpfsHop.NAME, List.of(IpfsHop.STORED, DemoRoutes.KEPT_LOCALLY)) == 0;
        return ipfsDone && (chain == null || ledger.hops().countPending(anchorHop(), ChainHop.FINAL) == 0);
    }

    /** The hop on which a reading counts as anchored: its own transaction, or its batch's. */
    private String anchorHop() {
        return mode == DemoMode.ORIGIN ? ChainHop.HOP : BatchHop.HOP;
    }

    /** Stops the routes, compares the ledger with IPFS and the chain, and verifies it. */
    public DemoReport finish() {
        closeQuietly(camel);
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        Map<String, ChainHead> heads = new TreeMap<>(ledger.heads());
        lines.add(String.format("This run ledgered %d readings; %d dead letter(s) in the store.", ledger.size() - ledgeredBefore,
                ledger.deadLetters().count()));
        lines.add("IPFS: " + ledger.hops().countByState(IpfsHop.NAME) + " (" + ipfs.describe() + ")");
        if (chain != null) {
            Map<String, Long> chainStates = ledger.hops().countByState(anchorHop());
            lines.add("chain (" + mode.name().toLowerCase(java.util.Locale.ROOT) + "): " + chainStates);
            ok &= chainStates.getOrDefault(ChainHop.DEAD, 0L) == 0;
        }
        lines.add(String.format("%-10s %8s %14s  %-64s  %s", "meter", "readings", "register (Wh)", "head (SHA-256)",
                chain != null && mode == DemoMode.ORIGIN ? "on chain" : ""));
        for (ChainHead head : heads.values()) {
            String onChain = "";
            if (chain != null && mode == DemoMode.ORIGIN && head.meter().startsWith("demo-")) {
                boolean matches = Arrays.equals(chain.lastFileHash(head.meter()), head.sha256());
                ok &= matches;
                onChain = matches ? "last file hash = head" : "DIFFERS from head";
            }
            lines.add(String.format("%-10s %8d %14d  %s  %s", head.meter(), head.seq() + 1, head.energyWh(), Sha256.hex(head.sha256()), onChain));
        }
        if (chain != null && mode == DemoMode.MERKLE && !heads.isEmpty()) {
            ok &= proveNewest(heads.values().iterator().next(), lines);
        }
        VerifyReport report = LedgerVerifier.verify(dataDir);
        report.problems().forEach(problem -> lines.add("TAMPERED " + problem));
        ok &= report.ok();
        lines.add(String.format("Ledger %s: %s of %s, %s", report.ok() ? "verified" : "FAILED verification",
                Plural.of(report.documents(), "document"), Plural.of(report.meters(), "meter"),
                report.ok() ? "every hash and link checks out" : Plural.of(report.problems().size(), "problem")));
        return new DemoReport(lines, ok);
    }

    /** Proves the newest reading of a meter against its anchored batch root, checked on the chain. */
    private boolean proveNewest(ChainHead head, List<String> lines) {
        try {
            Proof proof = new BatchProver(dataDir).prove(head.meter(), head.seq(), null);
            Verification verification = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth())).verify(proof);
            lines.add("inclusion proof of " + head.meter() + "#" + head.seq() + " (energyweb prove): "
                    + (verification.valid() ? "valid, its batch root is anchored on chain" : "INVALID: " + verification.reason()));
            return verification.valid();
        } catch (RuntimeException e) {
            lines.add("inclusion proof of " + head.meter() + "#" + head.seq() + " failed: " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        closeQuietly(camel);
        if (chain != null) {
            closeQuietly(chain);
        }
        closeQuietly(ipfs);
        ledger.close();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Shutting down after the demo's own result or failure, which is what gets reported.
        }
    }
}
