package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.awaitAll;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;
import static org.energyweb.chain.tx.TransactionPipelineTest.submitAll;

/** The pipeline against a real anvil that mines a block every second. */
class IntervalMiningTest {

    private static AnvilPeer anvil;
    private static DevChain chain;

    @TempDir
    Path data;

    @BeforeAll
    static void deploy() {
        anvil = AnvilPeer.blockTime(1);
        chain = new DevChain(anvil);
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    @Test
    void fiveHundredReadingsAreEachAnchoredOnceAndConfirmedTwoBlocksDeep() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
        TransactionPipeline.Options options = TransactionPipeline.Options.DEFAULT
                .withPollInterval(Duration.ofMillis(100)).withConfirmations(2);
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), options)) {
            List<LedgerEntry> entries = append(ledger, "meter-1", 500);
            awaitAll(submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset, entries));

            AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                    asset, entries, key.getAddress(), firstNonce);
        }
    }
}
