package org.energyweb.ipfs.store;

import java.util.Optional;
import org.energyweb.ipfs.rpc.IpfsException;

/**
 * One pass of {@link IpfsSync#syncPending()}.
 *
 * @param pushed    documents now on the node and gone from the local store
 * @param rejected  documents whose bytes no longer give their CID, moved aside
 * @param remaining documents still waiting
 * @param stoppedBy why the pass stopped early (the node went away), if it did
 */
public record SyncReport(int pushed, int rejected, int remaining, Optional<IpfsException.Reason> stoppedBy) {
}
