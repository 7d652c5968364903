package org.energyweb.fleet.gateway;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
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
 * document and the record's path, recorded on the fleet hop; refused readings named while the others are recorded.
 */
class FleetResultsTest {

    private static final String GATEWAY = "gw-1";
    private static final Anchor ANCHOR = new Anchor(31337, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 12);
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
    void aForgedPathIsRefusedNamingItsReadingWhileTheOthersOfTheRecordAreRecorded() throws Exception {
        ResultsRecord honest = batchOf(entries, List.of());
        List<ResultsRecord.Result> readings = new ArrayList<>(honest.readings());
        ResultsRecord.Result victim = readings.get(2);
        List<byte[]> forged = new ArrayList<>(victim.path());
        forged.set(0, Sha256.digest("forged".getBytes(StandardCharsets.UTF_8)));
        readings.set(2, new ResultsRecord.Result(victim.meter(), victim.seq(), victim.sha256(), victim.index(), forged));
        ResultsRecord tampered = new ResultsRecord(GATEWAY, honest.batch(), ANCHOR, 0, 1, readings);

        assertThatThrownBy(() -> results.record(exchange(GATEWAY, tampered.json())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 6 readings refused")
                .hasMessageContaining(victim + ": leaf " + victim.index() + " of the batch is not document");
        assertThat(anchoredCount()).isEqualTo(entries.size() - 1);
        assertThat(ledger.hops().state(entries.get(2).position(), FleetResults.HOP)).isEmpty();
    }

    @Test
    void aReadingTheLedgerDoesNotHoldIsRefusedWhileTheOthersAreRecorded() throws Exception {
        Ledger other = LedgerComponent.of(context, dir.resolve("other").toString());
        LedgerEntry elsewhere = other.appendAndWait(Measurement.of("m9", T0, 1, "test"));
        List<LedgerEntry> leaves = new ArrayList<>(entries);
        leaves.add(elsewhere);

        assertThatThrownBy(() -> results.record(exchange(GATEWAY, batchOf(leaves, List.of()).json())))
                .hasMessageContaining("1 of 7 readings refused")
                .hasMessageContaining("m9#0: this ledger holds no reading of SHA-256 " + elsewhere.document().sha256Hex());
        assertThat(anchoredCount()).isEqualTo(entries.size());
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
        exchange.getMessage().setBody(value);
        return exchange;
    }

    private long anchoredCount() {
        return ledger.hops().countByState(FleetResults.HOP).getOrDefault(FleetResults.ANCHORED, 0L);
    }
}
