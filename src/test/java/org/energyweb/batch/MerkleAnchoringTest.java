package org.energyweb.batch;

import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Log;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readings anchored in Merkle batches on a real anvil, and their proofs checked against the chain. */
class MerkleAnchoringTest extends OnDevChain {

    @TempDir
    Path dir;

    private List<Log> anchorEvents() {
        return chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0,
                chain.eth.blockNumber());
    }

    @ParameterizedTest(name = "{0} readings in one batch")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void aFullBatchIsAnchoredInOneTransactionAndEveryReadingProvesAgainstTheChain(int size) throws Exception {
        int eventsBefore = anchorEvents().size();
        List<LedgerEntry> entries;
        try (MerkleGateway gateway = new MerkleGateway(dir.resolve("data"), chain.eth, chain.contracts.anchor(),
                MerkleGateway.bySize(size), null)) {
            entries = gateway.append(size, 1);
            List<BatchRecord> batches = gateway.awaitAllConfirmed();
            assertThat(batches).singleElement().satisfies(batch -> assertThat(batch.size()).isEqualTo(size));
        }
        assertThat(anchorEvents()).hasSize(eventsBefore + 1);
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth));
        BatchProver prover = new BatchProver(dir.resolve("data"));
        for (LedgerEntry entry : entries) {
            Proof proof = prover.prove(entry.meter(), entry.seq(), null);
            Verification verification = verifier.verify(proof);
            assertThat(verification.valid()).as(verification.reason()).isTrue();
            assertThat(verification.anchorChecked()).isTrue();
            assertThat(((InclusionProof) proof).document()).isEqualTo(entry.document().bytes());
        }
    }

    @Test
    void readingsBeyondAFullBatchAreAnchoredOnceTheBatchIntervalPassed() throws Exception {
        try (MerkleGateway gateway = new MerkleGateway(dir.resolve("data"), chain.eth, chain.contracts.anchor(),
                MerkleGateway.bySize(4), null)) {
            gateway.append(2, 5);
            List<BatchRecord> batches = gateway.awaitAllConfirmed();

            assertThat(batches).extracting(BatchRecord::size).containsExactly(4L, 4L, 2L);
            assertThat(batches).extracting(BatchRecord::firstPosition).containsExactly(1L, 5L, 9L);
        }
    }

    @Test
    void everyAnchoredReadingIsConfirmedOnTheAnchorHopWithItsBlockAsStatusReadsIt() throws Exception {
        try (MerkleGateway gateway = new MerkleGateway(dir.resolve("data"), chain.eth, chain.contracts.anchor(),
                MerkleGateway.bySize(5), null)) {
            gateway.append(5, 1);
            BatchRecord batch = gateway.awaitAllConfirmed().get(0);
            HopState state = gateway.ledger.hops().state(3, BatchHop.HOP).orElseThrow();

            assertThat(state.state()).isEqualTo(BatchHop.CONFIRMED);
            assertThat(state.detail()).contains("\"batch\":" + batch.id()).contains("\"block\":");
        }
        LedgerStatus status = LedgerStatus.read(dir.resolve("data"));
        assertThat(status.total().hops().get(BatchHop.HOP)).containsEntry(BatchHop.CONFIRMED, 5L).containsEntry(LedgerStatus.PENDING, 0L);
        assertThat(status.total().hops()).doesNotContainKey(BatchHop.TRANSACTION_HOP);
        assertThat(status.lastAnchoredBlock()).isNotNull();
    }

    @Test
    void aReadingWhoseBatchIsNotConfirmedYetHasNoProof() throws Exception {
        try (MerkleGateway gateway = new MerkleGateway(dir.resolve("data"), chain.eth, chain.contracts.anchor(),
                new BatchAnchorer.Options(100, Duration.ofHours(1), org.energyweb.proof.LeafKind.DOCUMENT_SHA256), null)) {
            gateway.append(1, 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BatchProver(dir.resolve("data")).prove("meter-0", 0, null))
                    .isInstanceOf(NotAnchoredException.class)
                    .hasMessage("reading meter-0#0 is not in a batch yet");
        }
    }

    private static List<String> proofsOfEveryThirteenth(BatchProver prover, List<LedgerEntry> entries) {
        List<String> proofs = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i += 13) {
            proofs.add(ProofJson.write(prover.prove(entries.get(i).meter(), entries.get(i).seq(), null)));
        }
        return proofs;
    }

    @Test
    void aProofFromTheStoredTreeTopIsTheProofFromTheWholeTree() throws Exception {
        Path data = dir.resolve("data");
        List<LedgerEntry> entries;
        try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(600), null)) {
            entries = gateway.append(100, 6);
            gateway.awaitAllConfirmed();
        }
        BatchProver prover = new BatchProver(data);
        List<String> fromTop = proofsOfEveryThirteenth(prover, entries);
        try (var tops = Files.list(data.resolve("trees"))) {
            for (Path top : tops.toList()) {
                Files.delete(top);
            }
        }

        assertThat(proofsOfEveryThirteenth(prover, entries)).isEqualTo(fromTop);
        assertThat(data.resolve("trees")).isNotEmptyDirectory();
    }

    @Test
    void aDamagedTreeTopIsPassedOverAndEveryProofStillLeadsToTheAnchoredRoot() throws Exception {
        Path data = dir.resolve("data");
        List<LedgerEntry> entries;
        try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(600), null)) {
            entries = gateway.append(120, 5);
            gateway.awaitAllConfirmed();
        }
        try (var tops = Files.list(data.resolve("trees"))) {
            Path top = tops.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(top);
            // The header is 14 bytes; then the root of block 1 (leaves 256-511).
            Arrays.fill(bytes, 14 + 32, 14 + 64, (byte) 0x5a);
            Files.write(top, bytes);
        }
        BatchProver prover = new BatchProver(data);
        ProofVerifier verifier = ProofVerifier.hashesOnly();
        for (LedgerEntry entry : List.of(entries.get(0), entries.get(300), entries.get(599))) {
            Verification verification = verifier.verify(prover.prove(entry.meter(), entry.seq(), null));
            assertThat(verification.valid()).as(verification.reason()).isTrue();
        }
    }

    @Test
    void aBatchWhoseAnchorTransactionRevertsIsDeadWithTheRevertReasonAndSoAreItsReadings() throws Exception {
        try (MerkleGateway first = new MerkleGateway(dir.resolve("first"), chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(4), null)) {
            first.append(4, 1);
            first.awaitAllConfirmed();
        }
        int eventsBefore = anchorEvents().size();
        Path data = dir.resolve("second");
        // The same four readings in another ledger give the same root, which the contract refuses to anchor twice.
        try (MerkleGateway second = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(4), null)) {
            second.append(4, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.ledger.batches().countByState().containsKey(BatchHop.DEAD));

            BatchRecord dead = second.ledger.batches().byId(1).orElseThrow();
            assertThat(dead.detail()).contains("root already anchored");
            assertThat(second.ledger.hops().state(2, BatchHop.HOP).orElseThrow().state()).isEqualTo(BatchHop.DEAD);
        }
        assertThat(LedgerStatus.read(data).total().hops().get(BatchHop.HOP)).containsEntry(BatchHop.DEAD, 4L);
        assertThat(anchorEvents()).hasSize(eventsBefore);
    }
}
