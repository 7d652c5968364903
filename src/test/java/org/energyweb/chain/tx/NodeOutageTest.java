package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.awaitAll;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;
import static org.energyweb.chain.tx.TransactionPipelineTest.submitAll;

/**
 * The node goes away mid-burst and comes back on the same port with its chain (but not its
 * transaction pool): connections are refused meanwhile, pending transactions are lost.
 */
class NodeOutageTest {

    @TempDir
    Path data;

    @TempDir
    Path nodeState;

    @Test
    void aNodeRestartedMidBurstLosesNoReadingAndAnchorsNoneTwice() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.persistent(1, nodeState.resolve("anvil-state.json"))) {
            DevChain chain = new DevChain(anvil);
            Credentials key = fundedKey(chain);
            BigInteger asset = chain.onboard(Registry.PRODUCING, key);
            long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
            TransactionPipeline.Options options = TransactionPipeline.Options.DEFAULT
                    .withPollInterval(Duration.ofMillis(100)).withResendAfter(Duration.ofSeconds(3));
            try (Ledger ledger = Ledger.open(data);
                 TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), options)) {
                List<LedgerEntry> entries = append(ledger, "meter-1", 400);
                List<CompletableFuture<Anchored>> first = submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries.subList(0, 200));
                // Stopped while the first ones wait in the node's pool for the next block: they are lost with it.
                awaitSomeBroadcast(ledger);
                anvil.stop();
                // Readings keep coming while the node is down.
                List<CompletableFuture<Anchored>> second = submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries.subList(200, 400));
                Thread.sleep(1_500);
                anvil.start();
                awaitAll(first);
                awaitAll(second);

                assertThat(pipeline.inFlight()).isZero();
                AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries, key.getAddress(), firstNonce);
            }
        }
    }

    @Test
    void aNodeKilledMidBurstThatLostItsNewestBlocksGetsTheLostReadingsAgainWithoutDuplicate() throws Exception {
        // The node writes its state every 2 s: a kill loses the blocks since, fewer than the
        // confirmation depth, and its pool.
        Path stateFile = nodeState.resolve("anvil-state.json");
        try (AnvilPeer anvil = AnvilPeer.persistent(1, stateFile, "--state-interval", "2")) {
            DevChain chain = new DevChain(anvil);
            Credentials key = fundedKey(chain);
            BigInteger asset = chain.onboard(Registry.PRODUCING, key);
            AnvilStateFile.awaitNextWrite(stateFile, chain.eth.blockNumber());
            long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
            TransactionPipeline.Options options = TransactionPipeline.Options.DEFAULT.withConfirmations(4)
                    .withPollInterval(Duration.ofMillis(100)).withResendAfter(Duration.ofSeconds(3));
            try (Ledger ledger = Ledger.open(data);
                 TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), options)) {
                List<LedgerEntry> entries = append(ledger, "meter-1", 400);
                List<CompletableFuture<Anchored>> anchored = submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries);
                while (ledger.hops().countByState(ChainHop.HOP).getOrDefault(ChainHop.MINED, 0L) < 100) {
                    Thread.sleep(20);
                }
                // Killed once a block was mined after a complete write, about a block time before the
                // next write: the node loses that block, and is not killed half-way through a write
                // (it could not start from the truncated file).
                long written = AnvilStateFile.bestBlock(AnvilStateFile.awaitNextWrite(stateFile, 0));
                while (chain.eth.blockNumber() <= written) {
                    Thread.sleep(20);
                }
                anvil.kill();
                // What the node starts from decides the nonces: any it counts as used without a
                // transaction must not be taken for readings' (nor waited on forever).
                JsonNode survived = AnvilStateFile.read(stateFile);
                Set<Long> burnt = AnvilStateFile.noncesWithoutTransaction(survived, key.getAddress(), firstNonce);
                anvil.start();
                awaitAll(anchored);

                AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries, key.getAddress(), firstNonce, burnt);
            }
        }
    }

    @Test
    void aNodeThatRestartsCountingNoncesNoTransactionUsedGetsThoseReadingsAnchoredWithNewNonces() throws Exception {
        Path stateFile = nodeState.resolve("anvil-state.json");
        try (AnvilPeer anvil = AnvilPeer.persistent(1, stateFile)) {
            DevChain chain = new DevChain(anvil);
            Credentials key = fundedKey(chain);
            BigInteger asset = chain.onboard(Registry.PRODUCING, key);
            long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
            TransactionPipeline.Options options = TransactionPipeline.Options.DEFAULT
                    .withPollInterval(Duration.ofMillis(100)).withResendAfter(Duration.ofSeconds(3));
            try (Ledger ledger = Ledger.open(data);
                 TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), options)) {
                List<LedgerEntry> entries = append(ledger, "meter-1", 200);
                List<CompletableFuture<Anchored>> anchored = submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries);
                // Stopped while transactions wait in its pool; it comes back from a state file
                // whose account nonce runs ahead of its transactions, as anvil writes one under load.
                awaitSomeBroadcast(ledger);
                anvil.stop();
                Set<Long> burnt = AnvilStateFile.burnNonces(stateFile, key.getAddress(), 3);
                anvil.start();
                awaitAll(anchored);

                AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                        asset, entries, key.getAddress(), firstNonce, burnt);
            }
        }
    }

    private static void awaitSomeBroadcast(Ledger ledger) throws InterruptedException {
        while (ledger.hops().countByState(ChainHop.HOP).getOrDefault(ChainHop.SENT, 0L) < 100) {
            Thread.sleep(20);
        }
    }
}
