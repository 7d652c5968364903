package org.energyweb.fleet.worker;

import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.FeeOracle;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FencedException;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.PostgresServer;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The service's batches on a real anvil chain, their state in a real PostgreSQL: anchored once each, across a crash and a fence. */
class ChainAnchoringTest {

    /** The service's own key: anvil's second account, not the deployer's. */
    private static final Credentials SERVICE = AnvilPeer.ACCOUNT_1;

    private static AnvilPeer anvil;
    private static DevChain chain;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPeers() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        postgres = PostgresServer.create();
    }

    @AfterAll
    static void stopPeers() {
        if (postgres != null) {
            postgres.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void everyFormedBatchIsAnchoredOnceWithTheServicesKeyAndEachReadingsProofVerifiesAgainstTheChain() {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            long events = anchorEvents();
            long sent = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            PartitionClaim claim = store.claim("anchored", 0, "worker-a");
            List<ReadingDocument> readings = accept(store, claim, "m-anchored", 7);
            formAll(store, claim, 3);
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(30));
            BatchChainStore batches = store.chainStore();

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                anchoring.step(claim, batches);
                return batches.anchored(claim).size() == 3;
            });

            assertThat(anchorEvents()).isEqualTo(events + 3);
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(sent + 3);
            ProofVerifier verifier = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth));
            ServiceProofs proofs = new ServiceProofs(batches);
            for (ReadingDocument reading : readings) {
                assertThat(verifier.verify(proofs.prove(reading.sha256Hex()).orElseThrow()).valid()).isTrue();
            }
        }
    }

    @Test
    void aTransactionSignedBeforeItsWorkerDiedIsBroadcastAsItIsByTheNextOwnerNotSentAgain() {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim first = a.claim("crashed", 0, "worker-a");
            accept(a, first, "m-crashed", 4);
            formAll(a, first, 4);
            long before = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            BatchChainStore.Formed formed = a.chainStore().formed(first).get(0);
            // worker a signs and stores the transaction, then dies before broadcasting it
            BatchChainStore.Signed signed = signWithoutBroadcast(a.chainStore(), first, formed, before);

            PartitionClaim second = b.claim("crashed", 0, "worker-b");
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                anchoring.step(second, b.chainStore());
                return b.chainStore().anchored(second).size() == 1;
            });

            assertThat(b.chainStore().anchored(second).get(0).transactionHash()).isEqualTo(signed.transactionHash());
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(before + 1);
        }
    }

    @Test
    void aWorkerWhosePartitionWasClaimedByAnotherSignsAndSendsNothing() {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim stale = a.claim("fenced-chain", 0, "worker-a");
            accept(a, stale, "m-fenced", 2);
            formAll(a, stale, 2);
            b.claim("fenced-chain", 0, "worker-b");
            long before = chain.eth.transactionCount(SERVICE.getAddress(), "pending");

            assertThatThrownBy(() -> anchoring(Duration.ofSeconds(30)).step(stale, a.chainStore())).isInstanceOf(FencedException.class);

            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "pending")).isEqualTo(before);
            assertThat(a.chainStore().count(BatchState.SIGNED)).isZero();
        }
    }

    private static ChainAnchoring anchoring(Duration resendAfter) {
        return new ChainAnchoring(chain.eth, SERVICE, new ChainAnchoring.Options(chain.contracts.anchor(), resendAfter));
    }

    /** Accepts a meter's chain of {@code count} readings on the claimed partition, at offsets 0.. in order. */
    private static List<ReadingDocument> accept(FleetStore store, PartitionClaim claim, String meter, int count) {
        store.addGateway("gw-1");
        List<ReadingDocument> readings = TestReadings.chain(meter, count);
        List<FleetStore.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            ReadingDocument document = readings.get(i);
            accepted.add(new FleetStore.Accepted(new InboundReading(claim.topic(), claim.partition(), i, meter, "gw-1", meter,
                    String.valueOf(i), document.sha256Hex(), document.bytes()), document));
        }
        store.commit(claim, accepted, List.of(), List.of(), count);
        return readings;
    }

    private static void formAll(FleetStore store, PartitionClaim claim, int batchSize) {
        while (store.formBatch(claim, batchSize).isPresent()) {
            // one batch per call
        }
    }

    private static BatchChainStore.Signed signWithoutBroadcast(BatchChainStore store, PartitionClaim claim, BatchChainStore.Formed formed,
                                                              long chainNonce) {
        Eth eth = chain.eth;
        Signer signer = new Signer(SERVICE, eth.chainId());
        String contract = chain.contracts.anchor();
        String data = FunctionEncoder.encode(ReadingAnchorContract.anchor(formed.root(), formed.size(), formed.firstOffset(),
                formed.lastOffset(), ""));
        BigInteger gas = GasPolicy.DEFAULT.limit(eth.estimateGas(signer.address(), contract, data));
        return store.sign(claim, formed.id(), signer.chainId(), contract, signer.address(), chainNonce, nonce -> {
            Signer.SignedTransaction tx = signer.sign(nonce, contract, data, gas, new FeeOracle(eth).current());
            return new BatchChainStore.Signature(tx.hash(), tx.raw());
        }).orElseThrow();
    }

    private static long anchorEvents() {
        return chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0,
                chain.eth.blockNumber()).size();
    }
}
