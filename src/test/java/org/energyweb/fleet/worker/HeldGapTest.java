package org.energyweb.fleet.worker;

import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.peers.PostgresServer;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reading after a gap is held, and accepted in its meter's order once the missing reading arrives, whichever worker
 * held it; a gateway added while a worker runs is known at its first reading. Against a real PostgreSQL.
 */
class HeldGapTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startDatabase() {
        postgres = PostgresServer.create();
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void readingsHeldInEarlierPollsAreAcceptedInOrderWhenTheMissingReadingArrives() {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            store.addGateway("gw-1");
            PartitionClaim claim = store.claim("gaps", 0, "worker-a");
            List<ReadingDocument> m = TestReadings.chain("m-later", 4);
            poll(store, claim, 0, m.get(0), m.get(2));
            poll(store, claim, 2, m.get(3));
            assertThat(store.acceptedSeqs("m-later")).containsExactly(0L);

            poll(store, claim, 3, m.get(1));

            assertThat(store.acceptedSeqs("m-later")).containsExactly(0L, 1L, 2L, 3L);
            assertThat(store.deadLetters()).filteredOn(letter -> "m-later".equals(letter.meter()))
                    .extracting(FleetStore.DeadLetter::seq, FleetStore.DeadLetter::released)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2", true), org.assertj.core.groups.Tuple.tuple("3", true));
        }
    }

    @Test
    void aReadingHeldInTheSamePollIsAcceptedAfterTheMissingOne() {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            store.addGateway("gw-1");
            PartitionClaim claim = store.claim("gaps", 1, "worker-a");
            List<ReadingDocument> m = TestReadings.chain("m-same-poll", 3);

            poll(store, claim, 0, m.get(0), m.get(2), m.get(1));

            assertThat(store.acceptedSeqs("m-same-poll")).containsExactly(0L, 1L, 2L);
            assertThat(store.deadLetters()).filteredOn(letter -> "m-same-poll".equals(letter.meter()))
                    .allMatch(FleetStore.DeadLetter::released);
        }
    }

    @Test
    void aReadingHeldByTheOwnerBeforeIsReleasedByAWorkerThatClaimsThePartitionAgain() {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            a.addGateway("gw-1");
            List<ReadingDocument> m = TestReadings.chain("m-handed-over", 3);
            poll(a, a.claim("gaps", 2, "worker-a"), 0, m.get(0));
            poll(b, b.claim("gaps", 2, "worker-b"), 1, m.get(2));

            poll(a, a.claim("gaps", 2, "worker-a"), 2, m.get(1));

            assertThat(a.acceptedSeqs("m-handed-over")).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void aGatewayAddedAfterTheWorkerReadTheKnownOnesIsKnownAtItsFirstReading() {
        try (FleetStore worker = new FleetStore(postgres.jdbcUrl()); FleetStore operator = new FleetStore(postgres.jdbcUrl())) {
            worker.addGateway("gw-1");
            PartitionClaim claim = worker.claim("gaps", 3, "worker-a");
            poll(worker, claim, "gw-1", 0, TestReadings.chain("m-of-gw-1", 1).get(0));
            operator.addGateway("gw-new");

            poll(worker, claim, "gw-new", 1, TestReadings.chain("m-of-gw-new", 1).get(0));

            assertThat(worker.acceptedSeqs("m-of-gw-new")).containsExactly(0L);
        }
    }

    /** One poll of the partition: the documents at offsets from {@code offset} on, checked and stored together. */
    private static void poll(FleetStore store, PartitionClaim claim, long offset, ReadingDocument... documents) {
        poll(store, claim, "gw-1", offset, documents);
    }

    /** One poll of the partition: the documents of {@code gateway} at offsets from {@code offset} on. */
    private static void poll(FleetStore store, PartitionClaim claim, String gateway, long offset, ReadingDocument... documents) {
        PartitionBatch batch = new PartitionBatch(store, new MeterHeads(), store.gateways(), claim.topic(), claim.partition());
        List<InboundReading> poll = new ArrayList<>();
        long next = offset;
        for (ReadingDocument document : documents) {
            String meter = document.reading().meter();
            poll.add(new InboundReading(claim.topic(), claim.partition(), next++, meter, gateway, meter,
                    String.valueOf(document.reading().seq()), document.sha256Hex(), document.bytes()));
        }
        batch.addAll(poll);
        store.commit(claim, batch.accepted(), batch.refused(), batch.released(), next);
    }
}
