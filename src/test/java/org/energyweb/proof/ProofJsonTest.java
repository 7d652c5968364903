package org.energyweb.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version 1 proof file: its exact members, and strict reading of anything else. */
class ProofJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static InclusionProof documentProof() {
        List<byte[]> documents = TestDocuments.readings(3);
        MerkleTree batch = TestDocuments.batchOf(documents, LeafKind.DOCUMENT_SHA256, TestDocuments.secret());
        return InclusionProof.of(documents.get(2), batch, 2, TestDocuments.ANCHOR);
    }

    private static FieldProof fieldProof() {
        List<byte[]> documents = TestDocuments.readings(3);
        MerkleTree batch = TestDocuments.batchOf(documents, LeafKind.FIELD_ROOT, TestDocuments.secret());
        byte[] seed = SaltSeed.derive(TestDocuments.secret(), Sha256.digest(documents.get(1)));
        return FieldProof.of(FieldCommitments.of(documents.get(1), seed), "energyWh", batch, 1, TestDocuments.ANCHOR);
    }

    private static List<String> memberNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Proof read(String json) {
        return ProofJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InclusionProof logProof(Anchor anchor) {
        InclusionProof batch = documentProof();
        BatchPath path = batch.batch();
        return InclusionProof.of(batch.document(), new BatchPath(path.index(), path.size(), path.path(), path.root(), anchor,
                "gateway.example/log\n3\n" + Base64.getEncoder().encodeToString(path.root()) + "\n\n— gateway.example/log AAAA\n"));
    }

    @Test
    void aLogProofsAnchorCarriesTheAnchoredCheckpointAndReadsBackTheSame() throws Exception {
        Anchor anchor = new Anchor(31337, TestDocuments.ANCHOR.contract(), TestDocuments.ANCHOR.tx(), 42,
                new CheckpointAnchor("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "gateway.example/log", 3, "bafkreigh2akiscaildc"));

        String written = ProofJson.write(logProof(anchor));
        JsonNode json = MAPPER.readTree(written);

        assertThat(memberNames(json.get("anchor"))).containsExactly("chainId", "contract", "tx", "block", "submitter", "origin", "size", "cid");
        assertThat(read(written).batch().anchor()).isEqualTo(anchor);
    }

    @Test
    void aLogProofWhoseCheckpointIsNotAnchoredSaysAnchorNullAndReadsBackWithoutAnchor() throws Exception {
        String written = ProofJson.write(logProof(null));
        JsonNode json = MAPPER.readTree(written);

        assertThat(json.has("anchor")).isTrue();
        assertThat(json.get("anchor").isNull()).isTrue();
        assertThat(read(written).batch().anchor()).isNull();
    }

    @Test
    void documentProofHasExactlyTheSpecifiedMembersInOrder() throws Exception {
        InclusionProof proof = documentProof();
        JsonNode json = MAPPER.readTree(ProofJson.write(proof));
        assertThat(memberNames(json)).containsExactly("version", "document", "leaf", "index", "size", "path", "root", "anchor");
        assertThat(json.get("version").intValue()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(json.get("document").textValue())).isEqualTo(proof.document());
        assertThat(json.get("leaf").textValue()).isEqualTo(Sha256.hex(Sha256.digest(proof.document())));
        assertThat(json.get("index").longValue()).isEqualTo(2);
        assertThat(json.get("size").longValue()).isEqualTo(3);
        assertThat(json.get("path")).hasSize(1);
        assertThat(json.get("anchor").toString()).isEqualTo("{\"chainId\":31337,\"contract\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\","
                + "\"tx\":\"0x" + "ab".repeat(32) + "\",\"block\":42}");
    }

    @Test
    void fieldProofHasExactlyTheSpecifiedMembersInOrder() throws Exception {
        JsonNode json = MAPPER.readTree(ProofJson.write(fieldProof()));
        assertThat(memberNames(json)).containsExactly(
                "version", "field", "schema", "fieldPath", "fieldRoot", "index", "size", "path", "root", "anchor");
        assertThat(memberNames(json.get("field"))).containsExactly("name", "value", "salt", "index");
        assertThat(json.get("field").get("value").isIntegralNumber()).isTrue();
        assertThat(json.get("field").get("value").longValue()).isEqualTo(1_000_250);
        assertThat(json.get("schema").toString())
                .isEqualTo("[\"down\",\"energyWh\",\"meter\",\"powerW\",\"prev\",\"schema\",\"seq\",\"source\",\"time\"]");
    }

    @Test
    void bothKindsOfProofReadBackToTheSameFile() {
        for (Proof proof : List.of(documentProof(), fieldProof())) {
            String written = ProofJson.write(proof);
            assertThat(ProofJson.write(read(written))).isEqualTo(written);
        }
    }

    @Test
    void unanchoredProofLeavesTheAnchorOut() {
        InclusionProof proof = documentProof();
        BatchPath batch = proof.batch();
        String json = ProofJson.write(new InclusionProof(proof.document(), proof.leaf(),
                new BatchPath(batch.index(), batch.size(), batch.path(), batch.root(), null)));
        assertThat(json).doesNotContain("anchor");
        assertThat(read(json).batch().anchor()).isNull();
    }

    @Test
    void unknownMemberIsRefused() {
        String json = ProofJson.write(documentProof()).replaceFirst("\\{", "{\"comment\":\"trust me\",");
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidProofException.class)
                .hasMessage("proof has an unknown member 'comment'");
    }

    @Test
    void duplicateMemberIsRefused() {
        String json = ProofJson.write(documentProof()).replaceFirst("\\{", "{\"index\":0,");
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidProofException.class).hasMessageContaining("Duplicate field 'index'");
    }

    @Test
    void otherVersionIsRefused() {
        String json = ProofJson.write(documentProof()).replace("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> read(json)).hasMessage("proof version 2 is not supported (expected 1)");
    }

    @Test
    void uppercaseOrShortHashIsRefused() {
        String json = ProofJson.write(documentProof());
        String root = Sha256.hex(read(json).batch().root());
        assertThatThrownBy(() -> read(json.replace(root, root.toUpperCase()))).hasMessage("'root' in proof is not 64-digit lowercase hex");
        assertThatThrownBy(() -> read(json.replace(root, root.substring(2)))).hasMessage("'root' in proof is not 64-digit lowercase hex");
    }

    @Test
    void negativeIndexIsRefused() {
        String json = ProofJson.write(documentProof()).replace("\"index\":2", "\"index\":-1");
        assertThatThrownBy(() -> read(json)).hasMessage("'index' in proof is not a non-negative integer");
    }

    @Test
    void documentThatIsNotBase64IsRefused() {
        String json = ProofJson.write(documentProof()).replaceFirst("\"document\":\"", "\"document\":\"!");
        assertThatThrownBy(() -> read(json)).hasMessage("'document' in proof is not base64 (RFC 4648, with padding)");
    }

    @Test
    void malformedContractAddressIsRefused() {
        String json = ProofJson.write(documentProof()).replace("0x5FbDB2315678afecb367f032d93F642f64180aa3", "0x5FbDB2");
        assertThatThrownBy(() -> read(json)).hasMessage("anchor: contract is not 0x and 40 hex digits: 0x5FbDB2");
    }

    @Test
    void fieldProofWithoutSaltIsRefused() {
        String json = ProofJson.write(fieldProof()).replaceFirst(",\"salt\":\"[0-9a-f]{64}\"", "");
        assertThatThrownBy(() -> read(json)).hasMessage("field lacks 'salt'");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> read("{\"version\":1,")).isInstanceOf(InvalidProofException.class)
                .hasMessageStartingWith("proof is not valid JSON");
    }
}
