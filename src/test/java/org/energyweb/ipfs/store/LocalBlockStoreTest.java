package org.energyweb.ipfs.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlockStoreTest {

    @TempDir
    Path folder;

    private static byte[] document(int sequence) {
        return ("{\"meter\":\"m1\",\"seq\":" + sequence + "}").getBytes(UTF_8);
    }

    private static Cid cidOf(byte[] document) {
        return UnixFs.cidOf(document, UnixFsOptions.forCidVersion(1));
    }

    @Test
    void pendingDocumentIsAFileNamedBySequenceAndCid() throws Exception {
        byte[] document = document(1);

        PendingDocument pending = new LocalBlockStore(folder).put(document, cidOf(document));

        assertThat(pending.file()).hasFileName("0000000000000000000-" + cidOf(document));
        assertThat(Files.readAllBytes(pending.file())).isEqualTo(document);
    }

    @Test
    void storingAPendingDocumentAgainChangesNothing() {
        LocalBlockStore store = new LocalBlockStore(folder);
        byte[] document = document(1);

        PendingDocument first = store.put(document, cidOf(document));
        PendingDocument second = store.put(document, cidOf(document));

        assertThat(second).isEqualTo(first);
        assertThat(store.pending()).containsExactly(first);
    }

    @Test
    void pendingDocumentsSurviveARestartInTheirOrder() {
        LocalBlockStore store = new LocalBlockStore(folder);
        for (int i = 0; i < 12; i++) {
            store.put(document(i), cidOf(document(i)));
        }

        LocalBlockStore reopened = new LocalBlockStore(folder);

        assertThat(reopened.pending()).extracting(PendingDocument::cid)
                .containsExactlyElementsOf(store.pending().stream().map(PendingDocument::cid).toList());
        PendingDocument next = reopened.put(document(99), cidOf(document(99)));
        assertThat(next.sequence()).isEqualTo(12);
    }

    @Test
    void documentThatDoesNotGiveItsPromisedCidIsRefused() {
        LocalBlockStore store = new LocalBlockStore(folder);

        assertThatThrownBy(() -> store.put(document(1), cidOf(document(2))))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(IpfsException.Reason.CID_MISMATCH));
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void writeInterruptedByACrashIsDiscardedOnOpen() throws Exception {
        Files.write(folder.resolve(".incoming-0b7d"), document(1));

        LocalBlockStore store = new LocalBlockStore(folder);

        assertThat(store.pending()).isEmpty();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void alteredFileIsNoLongerIntact() throws Exception {
        LocalBlockStore store = new LocalBlockStore(folder);
        PendingDocument pending = store.put(document(1), cidOf(document(1)));

        Files.write(pending.file(), document(2));

        assertThat(store.isIntact(pending, store.read(pending))).isFalse();
    }
}
