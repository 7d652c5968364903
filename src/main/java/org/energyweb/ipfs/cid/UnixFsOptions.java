package org.energyweb.ipfs.cid;

/**
 * How a file is cut into a UnixFS DAG. The defaults are those of {@code ipfs add}: 256 KiB chunks,
 * CIDv0, dag-pb leaves; {@code cidVersion(1)} switches to raw leaves as Kubo and js-ipfs do.
 *
 * @param cidVersion 0 or 1, the version of the dag-pb nodes' CIDs (raw leaves are always v1)
 * @param rawLeaves  whether leaves hold the bare chunk (raw codec) rather than a UnixFS file node
 * @param chunkSize  bytes per leaf; the node's {@code chunker=size-N}
 */
public record UnixFsOptions(int cidVersion, boolean rawLeaves, int chunkSize) {

    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
    /** The most links a balanced-layout node holds, fixed in Kubo and js-ipfs alike. */
    public static final int MAX_LINKS = 174;

    public UnixFsOptions {
        if (cidVersion != 0 && cidVersion != 1) {
            throw new IllegalArgumentException("CID version must be 0 or 1, not " + cidVersion);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, not " + chunkSize);
        }
    }

    /** What {@code ipfs add --cid-version=N} does: raw leaves exactly when N is 1. */
    public static UnixFsOptions forCidVersion(int cidVersion) {
        return new UnixFsOptions(cidVersion, cidVersion == 1, DEFAULT_CHUNK_SIZE);
    }

    /** The options that reproduce a CID made by {@link #forCidVersion}: its version decides. */
    public static UnixFsOptions forCid(Cid cid) {
        return forCidVersion(cid.version());
    }

    public UnixFsOptions withChunkSize(int size) {
        return new UnixFsOptions(cidVersion, rawLeaves, size);
    }
}
