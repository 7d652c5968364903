package org.energyweb.ipfs.cid;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class CidTest {

    private static final String EMPTY_RAW_CID = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    private static final String HELLO_SMART_METER_V0 = "QmS8qjkgQDxGXeL3qsHKXvTf3bZXtTBrYmE3nxxVvMnuLx";

    @Test
    void rawCidOfEmptyDocumentIsTheWellKnownOne() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[0]);

        assertThat(Cid.ofRawSha256(digest).toString()).isEqualTo(EMPTY_RAW_CID);
    }

    @Test
    void rawCidCarriesTheDocumentSha256Unchanged() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("{\"meter\":\"m1\"}".getBytes(UTF_8));

        Cid cid = Cid.ofRawSha256(digest);

        assertThat(cid.version()).isEqualTo(1);
        assertThat(cid.codec()).isEqualTo(Codec.RAW);
        assertThat(cid.multihash().digest()).isEqualTo(digest);
        assertThat(cid.toString()).startsWith("bafkrei");
    }

    @Test
    void rawCidRefusesADigestThatIsNotThirtyTwoBytes() {
        assertThatThrownBy(() -> Cid.ofRawSha256(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void v0ParsesAndPrintsTheSameText() {
        Cid cid = Cid.parse(HELLO_SMART_METER_V0);

        assertThat(cid.version()).isZero();
        assertThat(cid.codec()).isEqualTo(Codec.DAG_PB);
        assertThat(cid.toString()).isEqualTo(HELLO_SMART_METER_V0);
    }

    @Test
    void v1ParsesFromBase32AndBase58Alike() {
        Cid cid = Cid.parse(EMPTY_RAW_CID);
        String base58 = cid.toString(Multibase.BASE58BTC);

        assertThat(base58).startsWith("zb2");
        assertThat(Cid.parse(base58)).isEqualTo(cid);
        assertThat(Cid.parse(base58).toString()).isEqualTo(EMPTY_RAW_CID);
    }

    @Test
    void v0AndItsV1FormAddressTheSameNodeButAreDifferentCids() {
        Cid v0 = Cid.parse(HELLO_SMART_METER_V0);
        Cid v1 = v0.toV1();

        assertThat(v1.toString()).startsWith("bafybei");
        assertThat(v1.multihash()).isEqualTo(v0.multihash());
        assertThat(v1).isNotEqualTo(v0);
        assertThat(Cid.parse(v1.toString())).isEqualTo(v1).hasSameHashCodeAs(v1);
    }

    @Test
    void binaryFormRoundTrips() {
        Cid v0 = Cid.parse(HELLO_SMART_METER_V0);
        Cid v1 = Cid.parse(EMPTY_RAW_CID);

        assertThat(v0.toBytes()).hasSize(34);
        assertThat(Cid.fromBytes(v0.toBytes())).isEqualTo(v0);
        assertThat(Cid.fromBytes(v1.toBytes())).isEqualTo(v1);
    }

    @Test
    void parseRejectsUnknownCodecsAndGarbageClearly() {
        String dagCbor = Multibase.BASE32.encode(new byte[] {1, 0x71, 0x12, 32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

        assertThatThrownBy(() -> Cid.parse(dagCbor)).hasMessageContaining("unsupported codec 0x71");
        assertThatThrownBy(() -> Cid.parse("not a cid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cid.parse("bafkrei")).isInstanceOf(IllegalArgumentException.class);
    }
}
