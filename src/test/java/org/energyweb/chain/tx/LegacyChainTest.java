package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.awaitAll;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;
import static org.energyweb.chain.tx.TransactionPipelineTest.submitAll;

/** A chain without EIP-1559 (anvil as Berlin): legacy gas price, EIP-155 signatures. */
class LegacyChainTest {

    @TempDir
    Path data;

    @Test
    void readingsAreAnchoredWithLegacyEip155TransactionsWhereThereIsNoBaseFee() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.with(null, "--hardfork", "berlin")) {
            DevChain chain = new DevChain(anvil);
            assertThat(chain.eth.rpc().callAndWait("eth_getBlockByNumber", "latest", false).has("baseFeePerGas")).isFalse();
            Credentials key = fundedKey(chain);
            BigInteger asset = chain.onboard(Registry.CONSUMING, key);
            long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
            try (Ledger ledger = Ledger.open(data);
                 TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger),
                         TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50)))) {
                List<LedgerEntry> entries = append(ledger, "meter-1", 50);
                var anchored = submitAll(pipeline, Registry.CONSUMING, chain.contracts.consuming(), asset, entries);
                awaitAll(anchored);

                AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.CONSUMING, chain.contracts.consuming(),
                        asset, entries, key.getAddress(), firstNonce);
                var tx = chain.eth.rpc().callAndWait("eth_getTransactionByHash", anchored.get(0).join().transactionHash());
                assertThat(tx.path("type").asText()).isEqualTo("0x0");
                assertThat(tx.path("chainId").asText()).isEqualTo("0x539");
            }
        }
    }
}
