package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.Tag;
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

/**
 * Sustained meter-read transactions per second from one key: the pipeline against the naive way
 * (send, wait for the receipt, send the next), in the same run. Prints; asserts nothing.
 * Run: {@code mvn -Pbench test -Dtest=AnchoringBenchmark}.
 */
@Tag("bench")
class AnchoringBenchmark {

    private static final int PIPELINED = 3_000;

    @TempDir
    Path data;

    @Test
    void automine() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            compare("automine", anvil, 300, Duration.ofMillis(20));
        }
    }

    @Test
    void oneSecondBlocks() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.blockTime(1)) {
            compare("block-time 1 (30M block gas limit)", anvil, 5, Duration.ofMillis(100));
        }
    }

    @Test
    void oneSecondBlocksWithRoomForMoreTransactions() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.with(1, "--gas-limit", "300000000")) {
            compare("block-time 1 (300M block gas limit)", anvil, 5, Duration.ofMillis(100));
        }
    }

    private void compare(String chainName, AnvilPeer anvil, int naiveCount, Duration pollInterval) throws Exception {
        DevChain chain = new DevChain(anvil);
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        String contract = chain.contracts.producing();

        double naive = naive(chain, key, asset, naiveCount);
        double pipelined;
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> entries = append(ledger, "bench-meter", PIPELINED);
            TransactionPipeline.Options options = TransactionPipeline.Options.DEFAULT.withPollInterval(pollInterval);
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), options)) {
                long firstBlock = chain.eth.blockNumber();
                long start = System.nanoTime();
                awaitAll(submitAll(pipeline, Registry.PRODUCING, contract, asset, entries));
                pipelined = PIPELINED / seconds(start);
                printTransactionsPerBlock(chain, firstBlock);
            }
        }
        System.out.printf("%n[bench] %s: pipelined %.0f tx/s (%d readings, confirmed), send-then-wait %.1f tx/s (%d), ratio %.1fx%n%n",
                chainName, pipelined, PIPELINED, naive, naiveCount, pipelined / naive);
    }

    private static void printTransactionsPerBlock(DevChain chain, long firstBlock) {
        StringBuilder counts = new StringBuilder();
        long last = chain.eth.blockNumber();
        if (last - firstBlock > 40) {
            return;
        }
        for (long n = firstBlock + 1; n <= last; n++) {
            var block = chain.eth.rpc().callAndWait("eth_getBlockByNumber", "0x" + Long.toHexString(n), false);
            counts.append(' ').append(block.path("transactions").size());
        }
        System.out.println("[bench] transactions per block:" + counts);
    }

    private static double naive(DevChain chain, Credentials key, BigInteger asset, int count) {
        DirectTransactor transactor = new DirectTransactor(chain.eth, new Signer(key, chain.eth.chainId()), GasPolicy.DEFAULT,
                Duration.ofMillis(10), Duration.ofSeconds(30));
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[32];
            hash[0] = (byte) (i + 1);
            transactor.execute(chain.contracts.producing(), Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, i, false, hash)));
        }
        return count / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
