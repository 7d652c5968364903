package org.energyweb.fleet.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import org.energyweb.fleet.ResultsRecord;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.JsonSchemas;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The results of an anchored batch as the worker publishes them: per gateway, in chunks, each reading with its audit path. */
class ResultsPublisherTest {

    private static final JsonSchema SCHEMA = JsonSchemas.load("fleet-results-v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** Seven readings: gw-a's at leaves 0, 2, 3, 5, 6 and gw-b's at 1, 4. */
    private final List<BatchChainStore.Leaf> leaves = leaves("gw-a", "gw-b", "gw-a", "gw-a", "gw-b", "gw-a", "gw-a");
    private final MerkleTree tree = MerkleTree.ofLeafInputs(leaves.stream().map(leaf -> HEX.parseHex(leaf.sha256())).toList());
    private final BatchChainStore.Anchored batch = new BatchChainStore.Anchored(42, "energyweb-readings", 3, tree.root(), leaves.size(),
            31337, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 9, "0x" + "ef".repeat(32), "bafkreimanifest");

    @Test
    void eachGatewaysReadingsGoInChunksOfAtMostTheLimitInLeafOrder() {
        List<ResultsRecord> records = ResultsPublisher.records(batch, leaves, 2);

        assertThat(records).extracting(ResultsRecord::gateway, ResultsRecord::chunk, ResultsRecord::chunks)
                .containsExactly(tuple("gw-a", 0, 3), tuple("gw-a", 1, 3), tuple("gw-a", 2, 3), tuple("gw-b", 0, 1));
        assertThat(records).extracting(record -> record.readings().stream().map(ResultsRecord.Result::index).toList())
                .containsExactly(List.of(0L, 2L), List.of(3L, 5L), List.of(6L), List.of(1L, 4L));
    }

    @Test
    void everyReadingsPathLeadsFromItsDigestToTheAnchoredRootAndTheRecordNamesTheBatchAndItsAnchor() {
        for (ResultsRecord record : ResultsPublisher.records(batch, leaves, 2)) {
            assertThat(record.batch()).extracting(ResultsRecord.Batch::topic, ResultsRecord.Batch::partition, ResultsRecord.Batch::id,
                    ResultsRecord.Batch::size, ResultsRecord.Batch::manifest).containsExactly("energyweb-readings", 3, 42L, 7L, "bafkreimanifest");
            assertThat(record.anchor()).isEqualTo(new Anchor(31337, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 9));
            for (ResultsRecord.Result reading : record.readings()) {
                BatchChainStore.Leaf leaf = leaves.get((int) reading.index());
                assertThat(reading).extracting(ResultsRecord.Result::meter, ResultsRecord.Result::seq).containsExactly(leaf.meter(), leaf.seq());
                assertThat(record.path(reading).leadsFrom(reading.sha256())).as(reading.toString()).isTrue();
            }
        }
    }

    @Test
    void aRecordIsValidAgainstItsSchemaAndReadsBackAsWritten() throws Exception {
        for (ResultsRecord record : ResultsPublisher.records(batch, leaves, 2)) {
            byte[] value = record.json();
            assertThat(SCHEMA.validate(JSON.readTree(value))).isEmpty();
            assertThat(ResultsRecord.read(value).json()).isEqualTo(value);
        }
    }

    @Test
    void readingsWhoseStoredDigestsNoLongerGiveTheAnchoredRootAreNotPublished() {
        List<BatchChainStore.Leaf> changed = new ArrayList<>(leaves);
        changed.set(3, new BatchChainStore.Leaf(3, "00".repeat(32), "gw-a", "m-3", 3, new byte[0]));

        assertThatThrownBy(() -> ResultsPublisher.records(batch, changed, 2)).hasMessageContaining("no longer give its anchored root");
    }

    /** One reading per gateway given, leaf i being seq i of meter m-i. */
    private static List<BatchChainStore.Leaf> leaves(String... gateways) {
        List<BatchChainStore.Leaf> leaves = new ArrayList<>();
        for (int i = 0; i < gateways.length; i++) {
            ReadingDocument document = TestReadings.chain("m-" + i, i + 1).get(i);
            leaves.add(new BatchChainStore.Leaf(i, document.sha256Hex(), gateways[i], document.reading().meter(), document.reading().seq(),
                    document.bytes()));
        }
        return leaves;
    }
}
