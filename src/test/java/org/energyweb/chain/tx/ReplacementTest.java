package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;

/** A node that mines only when told (anvil --no-mining): what the pipeline does while nothing is mined. */
class ReplacementTest {

    // Two seconds between resends: with less, a loaded machine saw a third transaction replace the second
    // (dropping it from the pool) before the test had looked at it.
    private static final TransactionPipeline.Options QUICK_RESEND = TransactionPipeline.Options.DEFAULT
            .withPollInterval(Duration.ofMillis(50)).withResendAfter(Duration.ofSeconds(2));

    @TempDir
    Path data;

    private AnvilPeer anvil;
    private DevChain chain;
    private Credentials key;
    private BigInteger asset;

    @BeforeEach
    void start() throws Exception {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        key = fundedKey(chain);
        asset = chain.onboard(Registry.PRODUCING, key);
        chain.eth.rpc().callAndWait("evm_setAutomine", false);
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    private JsonNode pooled(String hash) {
        return chain.eth.rpc().callAndWait("eth_getTransactionByHash", hash);
    }

    private void mine() {
        chain.eth.rpc().callAndWait("anvil_mine", "0x1");
    }

    @Test
    void aTransactionNotMinedInTimeIsReplacedWithTheSameNonceAndAtLeastTenPercentHigherFees() throws Exception {
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), QUICK_RESEND)) {
            LedgerEntry entry = append(ledger, "meter-1", 1).get(0);
            CompletableFuture<Anchored> result = pipeline.submit(entry.position(),
                    Registry.PRODUCING.meterRead(chain.contracts.producing(), asset, entry.document()));
            // The node drops a replaced transaction from its pool: the first is looked at while it is there.
            JsonNode first = pooled(awaitHashes(ledger, entry, 1).get(0));
            List<String> hashes = awaitHashes(ledger, entry, 2);
            JsonNode replacement = pooled(hashes.get(1));
            assertThat(replacement.path("nonce").asText()).isEqualTo(first.path("nonce").asText());
            assertThat(raisedByTenPercent(first, replacement, "maxFeePerGas")).isTrue();
            assertThat(raisedByTenPercent(first, replacement, "maxPriorityFeePerGas")).isTrue();

            mine();
            Anchored anchored = result.get(30, TimeUnit.SECONDS);
            assertThat(hashes).contains(anchored.transactionHash());
            assertThat(chain.eth.transactionCount(key.getAddress(), "latest")).isEqualTo(anchored.nonce() + 1);
        }
    }

    @Test
    void aNonceTakenByAnotherTransactionIsGivenUpAndTheReadingSentOnceWithTheNext() throws Exception {
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger),
                     QUICK_RESEND.withResendAfter(Duration.ofSeconds(60)))) {
            LedgerEntry entry = append(ledger, "meter-1", 1).get(0);
            CompletableFuture<Anchored> result = pipeline.submit(entry.position(),
                    Registry.PRODUCING.meterRead(chain.contracts.producing(), asset, entry.document()));
            String ours = awaitHashes(ledger, entry, 1).get(0);
            long nonce = Eth.quantity(pooled(ours).path("nonce")).longValueExact();

            // Another client of the same key replaces our transaction in the pool and gets mined.
            Signer other = new Signer(key, chain.eth.chainId());
            Fees generous = Fees.eip1559(BigInteger.TEN.pow(12), BigInteger.TEN.pow(11));
            chain.eth.sendRaw(other.sign(nonce, key.getAddress(), "0x", BigInteger.valueOf(21_000), generous).raw());
            mine();
            chain.eth.rpc().callAndWait("evm_setAutomine", true);

            Anchored anchored = result.get(30, TimeUnit.SECONDS);
            assertThat(anchored.nonce()).isEqualTo(nonce + 1);
            var reads = chain.eth.logs(chain.contracts.producing(), List.of(Registry.PRODUCING.newMeterReadEvent().topic()), 0,
                    chain.eth.blockNumber()).stream().map(Registry.PRODUCING.newMeterReadEvent()::decode)
                    .filter(e -> e.get("assetId").equals(asset)).toList();
            assertThat(reads).hasSize(1);
        }
    }

    private static boolean raisedByTenPercent(JsonNode before, JsonNode after, String field) {
        BigInteger old = Eth.quantity(before.path(field));
        BigInteger raised = Eth.quantity(after.path(field));
        return raised.multiply(BigInteger.TEN).compareTo(old.multiply(BigInteger.valueOf(11))) >= 0;
    }

    /** The transaction hashes recorded for the reading, once there are at least {@code count}. */
    private static List<String> awaitHashes(Ledger ledger, LedgerEntry entry, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var state = ledger.hops().state(entry.position(), ChainHop.HOP);
            if (state.isPresent() && state.get().state().equals(ChainHop.SENT)) {
                JsonNode tx = Flight.parse(state.get().detail()).path("tx");
                if (tx.size() >= count) {
                    List<String> hashes = new java.util.ArrayList<>();
                    tx.forEach(hash -> hashes.add(hash.asText()));
                    return hashes;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " transactions recorded for " + entry);
    }
}
