package org.energyweb.fleet.gateway;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.ResultsRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.ProofJson;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's end of the results topic against a real ledger: each reading's proof rebuilt from the ledger's
 * document and the record's path, recorded on the fleet hop; refused readings recorded as dead letters while the
 * others are recorded.
 */
class FleetResultsTest {

    private static final String GATEWAY = "gw-1";
    private static final Anchor ANCHOR = new Anchor(31337, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 12);
    private static final String RESULTS = "energyweb-anchors";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    private CamelContext context;
    private Ledger ledger;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final FleetResults results = new FleetResults();

    @BeforeEach
    void ledgerOfSixReadings() {
        context = new DefaultCamelContext();
        context.start();
        ledger = LedgerComponent.of(context, dir.toString());
        for (int i = 0; i < 6; i++) {
            entries.add(ledger.appendAndWait(Measurement.of("m" + (i % 2), T0.plusSeconds(60L * i), 100 + i, "test")));
        }
        results.setGatewayId(GATEWAY);
        results.setDataDir(dir.toString());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void everyReadingOfTheResultsIsRecordedOnTheFleetHopWithTheProofRebuiltFromTheLedgersDocument() throws Exception {
        List<byte[]> othersReadings = List.of(Sha256.digest(new byte[]{1}), Sha256.digest(new byte[]{2}));
        results.record(exchange(GATEWAY, batchOf(entries, othersReadings).json()));

        assertThat(anchoredCount()).isEqualTo(entries.size());
        for (LedgerEntry entry : entries) {
            InclusionProof proof = (InclusionProof) FleetResults.proof(dir, entry.meter(), entry.seq());
            assertThat(proof.document()).isEqualTo(entry.document().bytes());
            assertThat(proof.batch().anchor()).isEqualTo(ANCHOR);
            assertThat(proof.batch().size()).isEqualTo(entries.size() + othersReadings.size());
            assertThat(proof.batch().leadsFrom(entry.document().sha256())).isTrue();
        }
    }

    @Test
    void resultsPublishedTwiceRecordEachReadingOnceWithTheSameProof() throws Exception {
        byte[] value = batchOf(entries, List.of()).json();
        results.record(exchange(GATEWAY, value));
        String first = ProofJson.write(FleetResults.proof(dir, "m0", 0));

        results.record(exchange(GATEWAY, value));

        assertThat(anchoredCount()).isEqualTo(entries.size());
        assertThat(ProofJson.write(FleetResults.proof(dir, "m0", 0))).isEqualTo(first);
    }

    @Test
    void aForgedPathIsADeadLetterNamingTheResultsTopicItsBatchAndReadingWhileTheOthersOfTheRecordAreRecorded() throws Exception {
        ResultsRecord.Result victim = batchOf(entries, List.of()).readings().get(2);

        results.record(exchange(GATEWAY, withForgedPath(2).json()));

        assertThat(anchoredCount()).isEqualTo(entries.size() - 1);
        assertThat(ledger.hops().state(entries.get(2).position(), FleetResults.HOP)).isEmpty();
        assertThat(ledger.deadLetters().list(10)).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("kafka:" + RESULTS);
            assertThat(letter.meter()).isEqualTo(victim.meter());
            assertThat(letter.reason()).startsWith("the anchor service's results for batch 7 of energyweb-readings-0: reading " + victim
                    + " (SHA-256 " + entries.get(2).document().sha256Hex() + ") refused: leaf " + victim.index()
                    + " of the batch is not document");
        });
    }

    @Test
    void aRefusedReadingDeliveredTwiceIsOneDeadLetter() throws Exception {
        byte[] value = withForgedPath(2).json();
        results.record(exchange(GATEWAY, value));

        results.record(exchange(GATEWAY, value));

        assertThat(ledger.deadLetters().count()).isEqualTo(1);
        assertThat(anchoredCount()).isEqualTo(entries.size() - 1);
    }

    @Test
    void aReadingTheLedgerDoesNotHoldIsADeadLetterWhileTheOthersAreRecorded() throws Exception {
        Ledger other = LedgerComponent.of(context, dir.resolve("other").toString());
        LedgerEntry elsewhere = other.appendAndWait(Measurement.of("m9", T0, 1, "test"));
        List<LedgerEntry> leaves = new ArrayList<>(entries);
        leaves.add(elsewhere);

        results.record(exchange(GATEWAY, batchOf(leaves, List.of()).json()));

        assertThat(anchoredCount()).isEqualTo(entries.size());
        assertThat(ledger.deadLetters().list(10)).singleElement().satisfies(letter -> assertThat(letter.reason())
                .endsWith(": reading m9#0 (SHA-256 " + elsewhere.document().sha256Hex() + ") refused: this ledger holds no reading of SHA-256 "
                        + elsewhere.document().sha256Hex()));
    }

    @Test
    void resultsForAnotherGatewayAreSkipped() throws Exception {
        results.record(exchange("gw-2", batchOf(entries, List.of()).json()));

        assertThat(anchoredCount()).isZero();
    }

    @Test
    void resultsHeadedForThisGatewayButNamingAnotherAreRefusedWhole() {
        ResultsRecord forOther = batchOf(entries, List.of());
        byte[] value = new ResultsRecord("gw-2", forOther.batch(), ANCHOR, 0, 1, forOther.readings()).json();

        assertThatThrownBy(() -> results.record(exchange(GATEWAY, value))).hasMessageContaining("are for gateway gw-2");
        assertThat(anchoredCount()).isZero();
    }

    @Test
    void aRecordThatIsNotResultsIsRefusedSayingWhy() {
        byte[] proof = ProofJson.write(InclusionProof.of(entries.get(0).document().bytes(),
                MerkleTree.ofLeafInputs(List.of(entries.get(0).document().sha256())), 0, ANCHOR)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> results.record(exchange(GATEWAY, proof))).hasMessageContaining("unknown member");
        assertThat(anchoredCount()).isZero();
    }

    /** The results of this ledger's readings with the audit path of reading {@code forgedIndex} tampered with. */
    private ResultsRecord withForgedPath(int forgedIndex) {
        ResultsRecord honest = batchOf(entries, List.of());
        List<ResultsRecord.Result> readings = new ArrayList<>(honest.readings());
        ResultsRecord.Result victim = readings.get(forgedIndex);
        List<byte[]> forged = new ArrayList<>(victim.path());
        forged.set(0, Sha256.digest("forged".getBytes(StandardCharsets.UTF_8)));
        readings.set(forgedIndex, new ResultsRecord.Result(victim.meter(), victim.seq(), victim.sha256(), victim.index(), forged));
        return new ResultsRecord(GATEWAY, honest.batch(), ANCHOR, 0, 1, readings);
    }

    /** The results of a batch of these readings in this order (plus others' leaves before them), all for this gateway. */
    private static ResultsRecord batchOf(List<LedgerEntry> leaves, List<byte[]> othersLeaves) {
        List<byte[]> inputs = new ArrayList<>(othersLeaves);
        leaves.forEach(entry -> inputs.add(entry.document().sha256()));
        MerkleTree tree = MerkleTree.ofLeafInputs(inputs);
        List<ResultsRecord.Result> readings = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            int index = othersLeaves.size() + i;
            LedgerEntry entry = leaves.get(i);
            readings.add(new ResultsRecord.Result(entry.meter(), entry.seq(), entry.document().sha256(), index, tree.inclusionPath(index)));
        }
        return new ResultsRecord(GATEWAY, new ResultsRecord.Batch("energyweb-readings", 0, 7, tree.size(), tree.root(), "bafkreiexample"),
                ANCHOR, 0, 1, readings);
    }

    private Exchange exchange(String gateway, byte[] value) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(FleetRecord.GATEWAY, gateway.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, RESULTS);
        exchange.getMessage().setBody(value);
        return exchange;
    }

    private long anchoredCount() {
        return ledger.hops().countByState(FleetResults.HOP).getOrDefault(FleetResults.ANCHORED, 0L);
    }
}
