package org.energyweb.ipfs.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Offline first against a real js-ipfs node that goes down during a run and comes back on the same port and repository. */
class IpfsSyncTest {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path folder;

    private static byte[] reading(String meter, int sequence) {
        return ("{\"meter\":\"" + meter + "\",\"seq\":" + sequence + ",\"wh\":" + (1000 + sequence) + "}").getBytes(UTF_8);
    }

    private static Cid promisedCid(byte[] document) {
        return UnixFs.cidOf(document, UnixFsOptions.forCidVersion(1));
    }

    @Test
    void everyDocumentReachesTheNodeUnderItsPromisedCidAfterTheNodeWasDown() {
        String meter = UUID.randomUUID().toString();
        IpfsClient client = IPFS.client();
        IpfsSync sync = new IpfsSync(new LocalBlockStore(folder), client);
        Map<Cid, byte[]> documents = new LinkedHashMap<>();
        List<StoreResult> results = new ArrayList<>();

        for (int sequence = 0; sequence < 9; sequence++) {
            if (sequence == 3) {
                IPFS.stop();
            }
            if (sequence == 6) {
                IPFS.start();
            }
            byte[] document = reading(meter, sequence);
            documents.put(promisedCid(document), document);
            results.add(sync.storeOrKeep(document, promisedCid(document)));
        }

        assertThat(results).extracting(result -> result.getClass().getSimpleName())
                .containsExactly("Stored", "Stored", "Stored", "Pending", "Pending", "Pending", "Stored", "Stored", "Stored");
        assertThat(results.get(3)).isEqualTo(new StoreResult.Pending(promisedCid(reading(meter, 3)), Reason.UNREACHABLE));

        assertThat(sync.syncPending()).isEqualTo(new SyncReport(3, 0, 0, Optional.empty()));
        documents.forEach((cid, document) -> {
            assertThat(client.cat(cid)).isEqualTo(document);
            assertThat(client.isPinned(cid)).isTrue();
        });
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void syncWhileTheNodeIsStillDownStopsAndKeepsEverything() {
        LocalBlockStore store = new LocalBlockStore(folder);
        IpfsSync sync = new IpfsSync(store, IPFS.client());
        byte[] document = reading(UUID.randomUUID().toString(), 0);
        store.put(document, promisedCid(document));

        IPFS.stop();
        SyncReport report;
        try {
            report = sync.syncPending();
        } finally {
            IPFS.start();
        }

        assertThat(report).isEqualTo(new SyncReport(0, 0, 1, Optional.of(Reason.UNREACHABLE)));
        assertThat(store.isPending(promisedCid(document))).isTrue();
    }

    @Test
    void pushingTheSameDocumentTwiceIsHarmless() {
        IpfsSync sync = new IpfsSync(new LocalBlockStore(folder), IPFS.client());
        byte[] document = reading(UUID.randomUUID().toString(), 0);

        StoreResult first = sync.push(document, promisedCid(document));
        StoreResult second = sync.push(document, promisedCid(document));

        assertThat(first).isEqualTo(new StoreResult.Stored(promisedCid(document)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void pushOfADocumentThatIsNotWhatWasPromisedFailsForGood() {
        IpfsSync sync = new IpfsSync(new LocalBlockStore(folder), IPFS.client());
        byte[] document = reading(UUID.randomUUID().toString(), 0);
        Cid promised = promisedCid(reading("another meter", 0));

        StoreResult result = sync.storeOrKeep(document, promised);

        assertThat(result).isInstanceOfSatisfying(StoreResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(Reason.CID_MISMATCH);
            assertThat(failed.retryable()).isFalse();
        });
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void pendingDocumentAlteredOnDiskIsMovedAsideInsteadOfUploaded() throws Exception {
        LocalBlockStore store = new LocalBlockStore(folder);
        byte[] document = reading(UUID.randomUUID().toString(), 0);
        PendingDocument pending = store.put(document, promisedCid(document));
        Files.write(pending.file(), reading("tampered", 0));

        SyncReport report = new IpfsSync(store, IPFS.client()).syncPending();

        assertThat(report).isEqualTo(new SyncReport(0, 1, 0, Optional.empty()));
        assertThat(folder.resolve("rejected").resolve(pending.file().getFileName())).exists();
    }
}
