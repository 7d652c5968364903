package org.energyweb.chain.tx;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energyweb.chain.tx.TransactionPipelineTest.FAST;
import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;

/** A node that answers receipt lookups with errors: what the pipeline makes of an answer that says nothing. */
class ReceiptErrorsTest {

    @TempDir
    Path data;

    private AnvilPeer anvil;
    private DevChain chain;
    private ReceiptErrorProxy proxy;

    @BeforeEach
    void start() throws Exception {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        proxy = new ReceiptErrorProxy(anvil.url());
    }

    @AfterEach
    void stop() {
        proxy.close();
        anvil.close();
    }

    @Test
    void aMinedTransactionWhoseReceiptLookupsFailIsNotSentAgainWithANewNonce() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        long sentBefore = chain.eth.transactionCount(key.getAddress(), "latest");
        Eth throughProxy = new Eth(JsonRpcClient.connect(proxy.url(), false, Duration.ofSeconds(10)));
        proxy.failReceipts(true);
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(throughProxy, key, new ReadingJournal(ledger), FAST)) {
            LedgerEntry entry = append(ledger, "meter-1", 1).get(0);
            CompletableFuture<Anchored> result = pipeline.submit(entry.position(),
                    Registry.PRODUCING.meterRead(chain.contracts.producing(), asset, entry.document()));
            // Mined at once (automine), while every receipt lookup of the pipeline fails: many more
            // lookups than the two that would make it take the used nonce for another transaction's.
            awaitMined(key, sentBefore + 1);
            awaitRefusedLookups(10);
            proxy.failReceipts(false);

            Anchored anchored = result.get(30, TimeUnit.SECONDS);
            assertThat(anchored.nonce()).isEqualTo(sentBefore);
            assertThat(chain.eth.transactionCount(key.getAddress(), "latest")).isEqualTo(sentBefore + 1);
        }
    }

    private void awaitMined(Credentials key, long count) throws InterruptedException {
        for (int i = 0; i < 600 && chain.eth.transactionCount(key.getAddress(), "latest") < count; i++) {
            Thread.sleep(50);
        }
        assertThat(chain.eth.transactionCount(key.getAddress(), "latest")).isGreaterThanOrEqualTo(count);
    }

    private void awaitRefusedLookups(int count) throws InterruptedException {
        for (int i = 0; i < 600 && proxy.refusedLookups() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(proxy.refusedLookups()).isGreaterThanOrEqualTo(count);
    }
}
