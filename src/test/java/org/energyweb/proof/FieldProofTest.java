package org.energyweb.proof;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field-level proofs (docs/field-proofs.md): one field disclosed, chained to an anchored batch root. */
class FieldProofTest {

    private static final ProofVerifier VERIFIER = ProofVerifier.hashesOnly();
    private static final List<byte[]> DOCUMENTS = TestDocuments.readings(9);
    private static final MerkleTree BATCH = TestDocuments.batchOf(DOCUMENTS, LeafKind.FIELD_ROOT, TestDocuments.secret());

    private static FieldCommitments commitments(int index) {
        byte[] document = DOCUMENTS.get(index);
        return FieldCommitments.of(document, SaltSeed.derive(TestDocuments.secret(), Sha256.digest(document)));
    }

    private static FieldProof proofOf(int index, String field) {
        return FieldProof.of(commitments(index), field, BATCH, index, TestDocuments.ANCHOR);
    }

    private static FieldProof withField(FieldProof proof, DisclosedField field) {
        return new FieldProof(field, proof.schema(), proof.fieldPath(), proof.fieldRoot(), proof.batch());
    }

    private static FieldProof withSchema(FieldProof proof, List<String> schema) {
        return new FieldProof(proof.field(), schema, proof.fieldPath(), proof.fieldRoot(), proof.batch());
    }

    private static String reasonOf(FieldProof proof) {
        return VERIFIER.verify(proof).reason();
    }

    private static byte[] flipped(byte[] hash) {
        byte[] altered = hash.clone();
        altered[5] ^= 0x40;
        return altered;
    }

    @Test
    void everyFieldOfEveryDocumentInTheBatchVerifiesThroughItsProofFile() {
        for (int index = 0; index < DOCUMENTS.size(); index++) {
            for (String name : commitments(index).schema()) {
                Proof read = ProofJson.read(ProofJson.write(proofOf(index, name)).getBytes(StandardCharsets.UTF_8));
                Verification verification = VERIFIER.verify(read);
                assertThat(verification.valid()).as("document %d field %s: %s", index, name, verification.reason()).isTrue();
            }
        }
    }

    @Test
    void proofDisclosesTheFieldButNoOtherValue() {
        String json = ProofJson.write(proofOf(4, "energyWh"));
        assertThat(json).contains("\"value\":1001000")
                .doesNotContain("meter-7", "simulator", "2026-01-31", "1204");
    }

    @Test
    void alteredValueIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        assertThat(reasonOf(withField(proof, new DisclosedField(field.name(), new IntNode(2_000_000), field.salt(), field.index()))))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void sameValueAsAStringIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        assertThat(reasonOf(withField(proof, new DisclosedField(field.name(), new TextNode("1001000"), field.salt(), field.index()))))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void alteredSaltIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        assertThat(reasonOf(withField(proof, new DisclosedField(field.name(), field.value(), flipped(field.salt()), field.index()))))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void valueClaimedUnderAnotherNameAtThatNamesPositionIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        int powerPosition = proof.schema().indexOf("powerW");
        assertThat(reasonOf(withField(proof, new DisclosedField("powerW", field.value(), field.salt(), powerPosition))))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void renamedFieldAtItsOriginalPositionIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        assertThat(reasonOf(withField(proof, new DisclosedField("exportWh", field.value(), field.salt(), field.index()))))
                .isEqualTo("field 'exportWh' is not at position 1 of the schema");
    }

    @Test
    void fieldAtAnotherPositionIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        DisclosedField field = proof.field();
        assertThat(reasonOf(withField(proof, new DisclosedField(field.name(), field.value(), field.salt(), 0))))
                .isEqualTo("field 'energyWh' is not at position 0 of the schema");
        assertThat(reasonOf(withField(proof, new DisclosedField(field.name(), field.value(), field.salt(), 99))))
                .isEqualTo("field 'energyWh' is not at position 99 of the schema");
    }

    @Test
    void schemaWithAFieldLeftOutIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        List<String> schema = new ArrayList<>(proof.schema());
        schema.remove("prev");
        assertThat(reasonOf(withSchema(proof, schema))).isEqualTo("field path has the wrong length for position 1 of 8 fields");
    }

    /** Same count, same positions, so the field tree root is unchanged: only the bound schema hash catches it. */
    @Test
    void schemaWithAnotherFieldNameIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        List<String> schema = new ArrayList<>(proof.schema());
        schema.set(schema.indexOf("prev"), "prevHash");
        assertThat(reasonOf(withSchema(proof, schema))).isEqualTo("field path does not lead to the field root");
    }

    @Test
    void schemaWithAFieldAddedIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        List<String> schema = new ArrayList<>(proof.schema());
        schema.add("zone");
        assertThat(reasonOf(withSchema(proof, schema))).isEqualTo("field path does not lead to the field root");
    }

    @Test
    void unsortedOrDuplicatedSchemaIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        List<String> swapped = new ArrayList<>(proof.schema());
        Collections.swap(swapped, 2, 3);
        List<String> duplicated = new ArrayList<>(proof.schema());
        duplicated.add(2, "energyWh");
        for (List<String> schema : List.of(swapped, duplicated, List.<String>of())) {
            assertThat(reasonOf(withSchema(proof, schema)))
                    .isEqualTo("schema is not a non-empty list of distinct field names in sorted order");
        }
    }

    @Test
    void alteredFieldPathIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        List<byte[]> fieldPath = new ArrayList<>(proof.fieldPath());
        fieldPath.set(0, flipped(fieldPath.get(0)));
        assertThat(reasonOf(new FieldProof(proof.field(), proof.schema(), fieldPath, proof.fieldRoot(), proof.batch())))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void alteredFieldRootIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        assertThat(reasonOf(new FieldProof(proof.field(), proof.schema(), proof.fieldPath(), flipped(proof.fieldRoot()), proof.batch())))
                .isEqualTo("field path does not lead to the field root");
    }

    @Test
    void fieldRootOfAnotherDocumentIsRefusedAtTheBatchRoot() {
        FieldProof proof = proofOf(4, "energyWh");
        FieldProof neighbour = proofOf(5, "energyWh");
        assertThat(reasonOf(new FieldProof(neighbour.field(), neighbour.schema(), neighbour.fieldPath(), neighbour.fieldRoot(), proof.batch())))
                .isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void alteredBatchRootOrPathIsRefused() {
        FieldProof proof = proofOf(4, "energyWh");
        BatchPath batch = proof.batch();
        List<byte[]> path = new ArrayList<>(batch.path());
        path.set(2, flipped(path.get(2)));
        for (BatchPath altered : List.of(new BatchPath(4, 9, batch.path(), flipped(batch.root()), batch.anchor()),
                new BatchPath(4, 9, path, batch.root(), batch.anchor()),
                new BatchPath(5, 9, batch.path(), batch.root(), batch.anchor()))) {
            assertThat(reasonOf(new FieldProof(proof.field(), proof.schema(), proof.fieldPath(), proof.fieldRoot(), altered)))
                    .isEqualTo("inclusion path does not lead to root");
        }
    }

    @Test
    void aDocumentProofDoesNotVerifyAgainstAFieldRootBatch() {
        byte[] document = DOCUMENTS.get(4);
        InclusionProof forged = new InclusionProof(document, Sha256.digest(document), BatchPath.of(BATCH, 4, TestDocuments.ANCHOR));
        assertThat(VERIFIER.verify(forged).reason()).isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void proverRegeneratesTheSameCommitmentsFromTheSeed() {
        assertThat(commitments(4).fieldRoot()).isEqualTo(commitments(4).fieldRoot());
        assertThat(commitments(4).disclose("seq").salt()).isEqualTo(commitments(4).disclose("seq").salt());
    }

    @Test
    void anotherSeedGivesOtherSaltsAndAnotherFieldRoot() {
        byte[] document = DOCUMENTS.get(4);
        FieldCommitments other = FieldCommitments.of(document, Sha256.digest("another seed".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.fieldRoot()).isNotEqualTo(commitments(4).fieldRoot());
        assertThat(other.disclose("seq").salt()).isNotEqualTo(commitments(4).disclose("seq").salt());
    }

    @Test
    void everyFieldHasItsOwnSalt() {
        FieldCommitments commitments = commitments(4);
        assertThat(commitments.schema().stream().map(name -> Sha256.hex(commitments.disclose(name).salt())).distinct())
                .hasSize(commitments.schema().size());
    }

    @Test
    void provingAFieldTheDocumentLacksIsRefused() {
        assertThatThrownBy(() -> commitments(0).disclose("prev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("document has no field 'prev'");
    }

    @Test
    void provingAgainstABatchWhereTheDocumentIsNotAtThatIndexIsRefused() {
        assertThatThrownBy(() -> FieldProof.of(commitments(4), "seq", BATCH, 5, TestDocuments.ANCHOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("leaf 5 of the batch is not this document's field root");
    }

    @Test
    void documentThatIsNotAnObjectWithFieldsIsRefused() {
        byte[] seed = new byte[32];
        for (String document : List.of("[]", "{}", "42", "{\"a\":")) {
            assertThatThrownBy(() -> FieldCommitments.of(document.getBytes(StandardCharsets.UTF_8), seed))
                    .as(document).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
