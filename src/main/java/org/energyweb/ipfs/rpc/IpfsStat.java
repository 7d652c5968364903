package org.energyweb.ipfs.rpc;

import org.energyweb.ipfs.cid.Cid;

/**
 * What the node knows about a stored file ({@code files/stat} of {@code /ipfs/CID}).
 *
 * @param size           the file's bytes
 * @param cumulativeSize the bytes of all its blocks, protobuf framing included
 * @param blocks         the number of links of the root node
 * @param type           {@code file} or {@code directory}
 */
public record IpfsStat(Cid cid, long size, long cumulativeSize, int blocks, String type) {
}
