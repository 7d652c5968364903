package org.energyweb.proof;

import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeafKindTest {

    private static final byte[] DOCUMENT = TestDocuments.readings(1).get(0);
    private static final byte[] SEED = SaltSeed.derive(TestDocuments.secret(), Sha256.digest(DOCUMENT));

    @Test
    void manifestNamesReadBackToTheirKind() {
        assertThat(LeafKind.fromManifestName("document-sha256")).isEqualTo(LeafKind.DOCUMENT_SHA256);
        assertThat(LeafKind.fromManifestName("field-root")).isEqualTo(LeafKind.FIELD_ROOT);
    }

    @Test
    void unknownManifestNameIsRefused() {
        assertThatThrownBy(() -> LeafKind.fromManifestName("sha1")).hasMessageContaining("unknown leafKind 'sha1'");
    }

    @Test
    void documentSha256LeafIsTheDocumentsDigest() {
        assertThat(LeafKind.DOCUMENT_SHA256.leafInput(DOCUMENT, SEED)).isEqualTo(Sha256.digest(DOCUMENT));
    }

    @Test
    void fieldRootLeafIsTheDocumentsFieldRoot() {
        assertThat(LeafKind.FIELD_ROOT.leafInput(DOCUMENT, SEED)).isEqualTo(FieldCommitments.of(DOCUMENT, SEED).fieldRoot());
    }
}
