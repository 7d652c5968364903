package org.energyweb.ipfs.store;

import java.nio.file.Path;
import org.energyweb.ipfs.cid.Cid;

/** A document kept on disk until the node has it: its place in the queue, its promised CID, its file. */
public record PendingDocument(long sequence, Cid cid, Path file) {
}
