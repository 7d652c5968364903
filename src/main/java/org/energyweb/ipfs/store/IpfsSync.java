package org.energyweb.ipfs.store;

import java.util.Optional;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsException;

/**
 * Offline first: documents go to the node when it is there and wait in a {@link LocalBlockStore}
 * when it is not; {@link #syncPending()} pushes them later, oldest first. Every push adds, pins and
 * checks the node's CID against the promised one, so pushing a document twice is harmless.
 */
public final class IpfsSync {

    private final LocalBlockStore store;
    private final IpfsClient client;

    public IpfsSync(LocalBlockStore store, IpfsClient client) {
        this.store = store;
        this.client = client;
    }

    /**
     * Adds and pins one document on the node now, without touching the local store: for a caller that
     * keeps its own outbox (the ledger) and retries when the result is retryable.
     */
    public StoreResult push(byte[] document, Cid expected) {
        try {
            return new StoreResult.Stored(client.add(document, expected, true));
        } catch (IpfsException e) {
            return new StoreResult.Failed(expected, e);
        }
    }

    /** Like {@link #push}, but a document the node cannot take now is kept locally for {@link #syncPending()}. */
    public StoreResult storeOrKeep(byte[] document, Cid expected) {
        StoreResult result = push(document, expected);
        if (result instanceof StoreResult.Failed failed && failed.retryable()) {
            try {
                store.put(document, expected);
                return new StoreResult.Pending(expected, failed.reason());
            } catch (IpfsException e) {
                return new StoreResult.Failed(expected, e);
            }
        }
        return result;
    }

    /**
     * Pushes what waits, in order. A document whose bytes no longer give its CID is moved aside; any
     * other failure stops the pass and keeps the document, so nothing is lost while the node misbehaves.
     */
    public synchronized SyncReport syncPending() {
        int pushed = 0;
        int rejected = 0;
        for (PendingDocument document : store.pending()) {
            byte[] bytes = store.read(document);
            if (!store.isIntact(document, bytes)) {
                store.reject(document);
                rejected++;
                continue;
            }
            StoreResult result = push(bytes, document.cid());
            if (result instanceof StoreResult.Failed failed) {
                return new SyncReport(pushed, rejected, store.pending().size(), Optional.of(failed.reason()));
            }
            store.remove(document);
            pushed++;
        }
        return new SyncReport(pushed, rejected, store.pending().size(), Optional.empty());
    }
}
