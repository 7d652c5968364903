package org.energyweb.chain.tx;

import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energyweb.chain.tx.TransactionPipelineTest.FAST;
import static org.energyweb.chain.tx.TransactionPipelineTest.append;
import static org.energyweb.chain.tx.TransactionPipelineTest.awaitAll;
import static org.energyweb.chain.tx.TransactionPipelineTest.fundedKey;
import static org.energyweb.chain.tx.TransactionPipelineTest.submitAll;

/**
 * A chain that lost confirmed transactions (anvil reverted to a snapshot taken before them, as a
 * dev chain restarted without its state or a reorganisation beyond the confirmation depth is).
 */
class LostTransactionsTest extends OnDevChain {

    @TempDir
    Path data;

    @Test
    void readingsWhoseConfirmedTransactionsTheChainLostAreAnchoredAgainFromTheNonceTheChainHolds() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
        String contract = chain.contracts.producing();
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> entries = append(ledger, "meter-1", 6);
            String snapshot;
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
                awaitAll(submitAll(pipeline, Registry.PRODUCING, contract, asset, entries.subList(0, 2)));
                snapshot = chain.eth.rpc().callAndWait("evm_snapshot").asText();
                awaitAll(submitAll(pipeline, Registry.PRODUCING, contract, asset, entries.subList(2, 6)));
            }
            assertThat(chain.eth.rpc().callAndWait("evm_revert", snapshot).asBoolean()).isTrue();

            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
                assertThat(entries).extracting(entry -> ledger.hops().state(entry.position(), ChainHop.HOP).map(HopState::state).orElse("pending"))
                        .as("what the chain still holds stays confirmed; what it lost is pending again")
                        .containsExactly(ChainHop.CONFIRMED, ChainHop.CONFIRMED, "pending", "pending", "pending", "pending");
                // The restarted gateway's outbox submits every reading that is not final, as a route would.
                awaitAll(submitAll(pipeline, Registry.PRODUCING, contract, asset, entries));
            }

            AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, contract, asset, entries,
                    key.getAddress(), firstNonce);
        }
    }
}
