package org.energyweb.ipfs.store;

import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.rpc.IpfsException;

/** What became of a document handed to {@link IpfsSync}: on the node, kept locally, or refused. */
public sealed interface StoreResult {

    Cid cid();

    /** The node holds the document, pinned, under its promised CID. */
    record Stored(Cid cid) implements StoreResult {
    }

    /** The node could not be reached; the document waits in the local block store. */
    record Pending(Cid cid, IpfsException.Reason reason) implements StoreResult {
    }

    /**
     * The document was not stored. {@link #retryable()} says whether trying later can help (node down,
     * timeout) or not (the bytes do not give the promised CID, too large...).
     */
    record Failed(Cid cid, IpfsException error) implements StoreResult {

        public IpfsException.Reason reason() {
            return error.reason();
        }

        public boolean retryable() {
            return error.reason().isRetryable();
        }
    }
}
