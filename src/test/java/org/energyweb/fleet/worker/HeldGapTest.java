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

/** A reading after a gap is held, and accepted in its meter's order once the missing reading arrives; against a real PostgreSQL. */
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

    /** One poll of the partition: the documents at offsets from {@code offset} on, checked and stored together. */
    private static void poll(FleetStore store, PartitionClaim claim, long offset, ReadingDocument... documents) {
        PartitionBatch batch = new PartitionBatch(store, new MeterHeads(), store.gateways(), claim.topic(), claim.partition());
        List<InboundReading> poll = new ArrayList<>();
        long next = offset;
        for (ReadingDocument document : documents) {
            String meter = document.reading().meter();
            poll.add(new InboundReading(claim.topic(), claim.partition(), next++, meter, "gw-1", meter,
                    String.valueOf(document.reading().seq()), document.sha256Hex(), document.bytes()));
        }
        batch.addAll(poll);
        store.commit(claim, batch.accepted(), batch.refused(), batch.released(), next);
    }
}
