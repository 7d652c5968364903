package org.energyweb.batch;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.TransactionJournal;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A gateway stopped after its batch's transaction was sent and before it was mined resumes that batch, never a second one. */
class AnchorerRestartTest {

    @TempDir
    Path dir;
    private AnvilPeer anvil;
    private DevChain chain;

    @BeforeEach
    void start() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        chain.eth.rpc().callAndWait("evm_setAutomine", false);
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    private long anchorEvents() {
        return chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0,
                chain.eth.blockNumber()).size();
    }

    @Test
    void aBatchWhoseTransactionWasSentBeforeTheRestartIsAnchoredOnceWithTheSameRoot() throws Exception {
        Path data = dir.resolve("data");
        BatchRecord sent = stopAfterTheBatchTransactionWasSent(data);
        chain.eth.rpc().callAndWait("anvil_mine", "0x1");
        chain.eth.rpc().callAndWait("evm_setAutomine", true);

        try (MerkleGateway restarted = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(6), null)) {
            List<BatchRecord> batches = restarted.awaitAllConfirmed();

            assertThat(batches).singleElement().satisfies(batch -> {
                assertThat(batch.root()).isEqualTo(sent.root());
                assertThat(batch.firstPosition()).isEqualTo(1);
                assertThat(batch.lastPosition()).isEqualTo(6);
            });
        }
        assertThat(anchorEvents()).isEqualTo(1);
    }

    @Test
    void aBatchWhoseTransactionASchemaTwoLedgerKeptAtItsNegatedIdIsResumedAndAnchoredOnce() throws Exception {
        Path data = dir.resolve("data");
        BatchRecord sent = stopAfterTheBatchTransactionWasSent(data);
        // The layout of schema 2: the batch's transaction row at -id, which schema 3 moves to the id.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE hop SET position = -position WHERE hop = '" + BatchHop.TRANSACTION_HOP + "'");
            statement.execute("PRAGMA user_version = 2");
        }
        chain.eth.rpc().callAndWait("anvil_mine", "0x1");
        chain.eth.rpc().callAndWait("evm_setAutomine", true);

        try (MerkleGateway restarted = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(6), null)) {
            List<BatchRecord> batches = restarted.awaitAllConfirmed();

            assertThat(batches).singleElement().satisfies(batch -> assertThat(batch.root()).isEqualTo(sent.root()));
            assertThat(new BatchJournal(restarted.ledger).recorded(List.of(1L, -1L))).containsOnlyKeys(1L);
        }
        assertThat(anchorEvents()).isEqualTo(1);
    }

    @Test
    void aRestartedAnchorerFormsNoSecondBatchForReadingsAlreadyBatched() throws Exception {
        Path data = dir.resolve("data");
        chain.eth.rpc().callAndWait("evm_setAutomine", true);
        try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(4), null)) {
            gateway.append(4, 1);
            gateway.awaitAllConfirmed();
        }
        try (MerkleGateway restarted = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(4), null)) {
            restarted.append(4, 1);
            List<BatchRecord> batches = restarted.awaitAllConfirmed();

            assertThat(batches).extracting(BatchRecord::firstPosition).containsExactly(1L, 5L);
        }
        assertThat(anchorEvents()).isEqualTo(2);
    }

    /** Six readings in one batch, and the gateway stopped once that batch's transaction is sent, not mined. */
    private BatchRecord stopAfterTheBatchTransactionWasSent(Path data) throws Exception {
        try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(6), null)) {
            gateway.append(3, 2);
            awaitTransactionSent(gateway.ledger);
            return gateway.ledger.batches().byId(1).orElseThrow();
        }
    }

    private static void awaitTransactionSent(Ledger ledger) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            TransactionJournal.Entry batch1 = new BatchJournal(ledger).recorded(List.of(1L)).get(1L);
            if (batch1 != null && batch1.state().equals(ChainHop.SENT)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the batch's transaction was not sent");
    }
}
