package org.energyweb.ipfs.cid;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known vectors of {@code ipfs add}; the comparison with a live node is in {@code UnixFsAgainstNodeTest}. */
class UnixFsFileBuilderTest {

    private static final UnixFsOptions V0 = UnixFsOptions.forCidVersion(0);
    private static final UnixFsOptions V1 = UnixFsOptions.forCidVersion(1);

    @Test
    void helloSmartMeterHasTheCidTheNodeGave() {
        Cid cid = UnixFs.cidOf("hello smart meter\n".getBytes(UTF_8), V0);

        assertThat(cid).hasToString("QmS8qjkgQDxGXeL3qsHKXvTf3bZXtTBrYmE3nxxVvMnuLx");
    }

    @Test
    void oneMebibyteOfZerosHasTheCidTheNodeGave() {
        Cid cid = UnixFs.cidOf(new byte[1 << 20], V0);

        assertThat(cid).hasToString("QmVkbauSDEaMP4Tkq6Epm9uW75mWm136n81YH8fGtfwdHU");
    }

    @Test
    void emptyFileIsTheWellKnownEmptyUnixFsNode() {
        assertThat(UnixFs.cidOf(new byte[0], V0)).hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    }

    @Test
    void singleChunkWithRawLeavesIsTheRawCidOfTheDocumentSha256() {
        byte[] document = "{\"meter\":\"m1\",\"wh\":1234}".getBytes(UTF_8);

        Cid cid = UnixFs.cidOf(document, V1);

        assertThat(cid).isEqualTo(Cid.ofRawSha256(Multihash.newSha256().digest(document)));
    }

    @Test
    void multiChunkFileWithRawLeavesIsADagPbV1Root() {
        Cid cid = UnixFs.cidOf(new byte[UnixFsOptions.DEFAULT_CHUNK_SIZE + 1], V1);

        assertThat(cid.version()).isEqualTo(1);
        assertThat(cid.codec()).isEqualTo(Codec.DAG_PB);
        assertThat(cid.toString()).startsWith("bafybei");
    }

    @Test
    void cidDoesNotDependOnHowTheBytesAreSplitIntoWrites() throws Exception {
        byte[] data = new byte[3 * UnixFsOptions.DEFAULT_CHUNK_SIZE + 12345];
        new Random(7).nextBytes(data);
        Cid whole = UnixFs.cidOf(data, V0);

        UnixFsFileBuilder piecewise = new UnixFsFileBuilder(V0);
        Random sizes = new Random(8);
        for (int offset = 0; offset < data.length; ) {
            int length = Math.min(data.length - offset, 1 + sizes.nextInt(400_000));
            piecewise.write(data, offset, length);
            offset += length;
        }

        assertThat(piecewise.finish()).isEqualTo(whole);
        assertThat(UnixFs.cidOf(new ByteArrayInputStream(data), V0)).isEqualTo(whole);
    }

    @Test
    void finishedBuilderRefusesMoreBytes() {
        UnixFsFileBuilder builder = new UnixFsFileBuilder(V0);
        Cid cid = builder.finish();

        assertThat(builder.finish()).isEqualTo(cid);
        assertThatThrownBy(() -> builder.write(1)).isInstanceOf(IllegalStateException.class);
    }
}
