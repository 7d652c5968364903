package org.energyweb.tlog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A gateway-like process for {@link CheckpointAnchoringCrashTest}: it appends readings, its log follows the ledger, and
 * every 200 ms (its checkpoint period) it signs and keeps a checkpoint of the grown log, which its anchorer anchors
 * through the transaction pipeline (account 1) with the note on IPFS. It prints "checkpoint SIZE" per kept checkpoint,
 * until the test kills it. Arguments: data folder, RPC URL, anchor contract, IPFS API URL.
 */
public final class AnchoringCrashGateway {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Ledger ledger = Ledger.open(data);
        LedgerLog log = LedgerLog.open(ledger);
        KeptCheckpoints kept = new KeptCheckpoints(data);
        Eth eth = new Eth(JsonRpcClient.connect(args[1], false, Duration.ofSeconds(10)));
        TransactionPipeline pipeline = TransactionPipeline.start(eth, AnvilPeer.ACCOUNT_1, new CheckpointJournal(ledger),
                TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50)));
        CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, eth, pipeline, args[2],
                new IpfsSync(new LocalBlockStore(data.resolve("ipfs-pending")), new IpfsClient(IpfsClientConfig.of(args[3]))),
                new CheckpointAnchorer.Options(0), new SimpleMeterRegistry());
        Thread appender = new Thread(() -> appendSteadily(ledger), "appender");
        appender.setDaemon(true);
        appender.start();
        long signed = log.latestCheckpoint().map(note -> Checkpoint.parse(note.text()).size()).orElse(-1L);
        while (true) {
            log.awaitSize(signed + 1);
            SignedNote note = log.checkpoint(LedgerLogTest.KEY);
            kept.keep(note);
            anchorer.wakeUp();
            signed = Checkpoint.parse(note.text()).size();
            out.println("checkpoint " + signed);
            out.flush();
            Thread.sleep(200);
        }
    }

    /** About 5,000 readings a second from one meter, going on from its newest reading after a restart. */
    private static void appendSteadily(Ledger ledger) {
        long seq = ledger.head("crash-meter").map(head -> head.seq() + 1).orElse(0L);
        while (true) {
            CompletableFuture<?> last = null;
            for (int i = 0; i < 50; i++, seq++) {
                last = ledger.append(Measurement.of("crash-meter", START.plusSeconds(seq), 7 * seq, "anchor-crash-test"));
            }
            last.join();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
