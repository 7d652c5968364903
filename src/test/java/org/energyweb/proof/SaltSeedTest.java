package org.energyweb.proof;

import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaltSeedTest {

    private static final byte[] DOCUMENT_HASH = Sha256.digest("a reading".getBytes(StandardCharsets.UTF_8));

    @Test
    void seedIsTheLabelledHmacOfTheDocumentHash() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestDocuments.secret(), "HmacSHA256"));
        mac.update("energyweb/field-salt-seed/v1".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        assertThat(SaltSeed.derive(TestDocuments.secret(), DOCUMENT_HASH)).isEqualTo(mac.doFinal(DOCUMENT_HASH));
    }

    @Test
    void everyDocumentGetsItsOwnSeed() {
        byte[] other = Sha256.digest("another reading".getBytes(StandardCharsets.UTF_8));
        assertThat(SaltSeed.derive(TestDocuments.secret(), DOCUMENT_HASH)).isNotEqualTo(SaltSeed.derive(TestDocuments.secret(), other));
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> SaltSeed.derive(new byte[31], DOCUMENT_HASH))
                .hasMessage("the gateway's salt secret needs at least 32 bytes");
    }
}
