package org.energyweb.tlog.monitor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the gateway's own checkpoint anchoring (CheckpointAnchorer) puts on a real anvil and js-ipfs is what log monitor --rpc reads. */
class GatewayAnchoredLogMonitorTest extends OnDevChain {

    static final String ORIGIN = "gateway.example/anchored";

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path data;

    private long appended;

    @Test
    void theCheckpointsTheGatewayAnchoredAreConsistentForLogMonitorHoldingItsAccountToEveryCheck() throws Exception {
        NoteSigner key = new NoteSigner(ORIGIN, TestLogs.seed(7));
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            KeptCheckpoints kept = new KeptCheckpoints(data);
            kept.keep(grow(ledger, log, key, 5));
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, AnvilPeer.ACCOUNT_1, new CheckpointJournal(ledger),
                    TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50)));
                 CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, chain.eth, pipeline, chain.contracts.anchor(),
                         new IpfsSync(new LocalBlockStore(data.resolve("pending")), IPFS.client()), new CheckpointAnchorer.Options(0), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> anchoredSize() == 5);
                kept.keep(grow(ledger, log, key, 3));
                anchorer.wakeUp();
                await().atMost(Duration.ofSeconds(60)).until(() -> anchoredSize() == 8);
            }
        }

        Result result = CliTestSupport.run("log", "monitor", "--rpc", anvil.url(), "--contract", chain.contracts.anchor(), "--log", ORIGIN,
                "--submitter", AnvilPeer.ACCOUNT_1.getAddress(), "--tiles", data.resolve(LedgerLog.DIRECTORY).toString(),
                "--key", key.verifier().text(), "--ipfs", IPFS.apiUrl());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).startsWith("OK: 2 checkpoint(s) of " + ORIGIN).contains("(sizes 5 to 8,");
    }

    private long anchoredSize() {
        return ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), AnvilPeer.ACCOUNT_1.getAddress(), ORIGIN).size();
    }

    /** Ledgers {@code readings} more readings and signs a checkpoint of the log holding them, as the tlog:checkpoint consumer does. */
    private SignedNote grow(Ledger ledger, LedgerLog log, NoteSigner key, int readings) throws Exception {
        List<CompletableFuture<?>> appends = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            appended++;
            appends.add(ledger.append(Measurement.of("meter-1", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60 * appended), appended, "test")));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
        log.awaitLedger();
        return log.checkpoint(key);
    }
}
