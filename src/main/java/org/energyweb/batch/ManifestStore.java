package org.energyweb.batch;

import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps batch manifests: always in the data folder's {@code manifests/} under their CID (so they can
 * be pushed to IPFS later and served without a node), and on IPFS as well when a node is configured.
 * The CID is the CIDv1 (raw leaves) that {@code ipfs add --cid-version=1} computes, known offline, so
 * the one that goes on chain does not depend on a node being reachable.
 */
public final class ManifestStore {

    static final UnixFsOptions CID_OPTIONS = UnixFsOptions.forCidVersion(1);

    private final Path folder;
    /** Null when no IPFS node is configured. */
    private final IpfsClient ipfs;

    public ManifestStore(Path dataDir, IpfsClient ipfs) {
        this.folder = dataDir.resolve("manifests");
        this.ipfs = ipfs;
    }

    /** Stores the manifest and returns its CID; the same bytes give the same CID, so storing again is harmless. */
    public Cid store(byte[] manifest) {
        Cid cid = UnixFs.cidOf(manifest, CID_OPTIONS);
        Path file = file(cid);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                Path partial = folder.resolve(cid + ".json.partial");
                Files.write(partial, manifest);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest " + file, e);
        }
        if (ipfs != null) {
            ipfs.add(manifest, cid, true);
        }
        return cid;
    }

    public Path file(Cid cid) {
        return folder.resolve(cid + ".json");
    }
}
