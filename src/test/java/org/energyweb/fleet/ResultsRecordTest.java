package org.energyweb.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A results record's value is read strictly: anything but version 1 results is refused saying what is wrong. */
class ResultsRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> brokenValues() {
        return Stream.of(
                arguments("another version", (Consumer<ObjectNode>) r -> r.put("version", 2), "results of version 2"),
                arguments("an unknown member", (Consumer<ObjectNode>) r -> r.put("document", "e30="), "unknown member document"),
                arguments("no anchor", (Consumer<ObjectNode>) r -> r.remove("anchor"), "results has no anchor"),
                arguments("a path that is not whole hashes", (Consumer<ObjectNode>) r -> reading(r).put("path", "AAAA"),
                        "a path of 3 bytes is not whole hashes"),
                arguments("a path that is not base64", (Consumer<ObjectNode>) r -> reading(r).put("path", "not base64!"), "a path is not base64"),
                arguments("a digest in upper case", (Consumer<ObjectNode>) r -> reading(r).put("sha256", "AB".repeat(32)),
                        "sha256 is not 64 lowercase hex digits"),
                arguments("a negative seq", (Consumer<ObjectNode>) r -> reading(r).put("seq", -1), "seq is not a non-negative integer"),
                arguments("a chunk beyond the chunks", (Consumer<ObjectNode>) r -> r.put("chunk", 1), "chunk 1 of 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenValues")
    void aBrokenValueIsRefusedSayingWhy(String name, Consumer<ObjectNode> change, String reason) throws Exception {
        ObjectNode value = (ObjectNode) JSON.readTree(valid());
        change.accept(value);

        assertThatThrownBy(() -> ResultsRecord.read(JSON.writeValueAsBytes(value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    private static ObjectNode reading(ObjectNode results) {
        return (ObjectNode) results.get("readings").get(0);
    }

    private static byte[] valid() {
        MerkleTree tree = MerkleTree.ofLeafInputs(IntStream.range(0, 3).mapToObj(i -> new byte[]{(byte) i}).toList());
        return new ResultsRecord("gw-1", new ResultsRecord.Batch("readings", 0, 1, tree.size(), tree.root(), "bafkreimanifest"),
                new Anchor(1, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 1), 0, 1,
                List.of(new ResultsRecord.Result("m1", 0, new byte[32], 1, tree.inclusionPath(1)))).json();
    }
}
