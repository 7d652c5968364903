package org.energyweb.tlog;

import org.energyweb.proof.MerkleHash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log folder ({@code DATA/log}) as of its latest checkpoint, as c2sp.org/tlog-tiles lays it out: the
 * {@code checkpoint}, every tile and entry bundle of that checkpoint's tree (full ones and the partial ones of its
 * right edge, "Partial Tiles"), and the checkpoints kept under {@code checkpoints/} up to its size. A gateway may
 * append meanwhile: the tree's partial tiles are then read as the full tile's head, as the spec lets clients do
 * (a partial tile is deleted only after its full tile is durable).
 */
public final class LogSnapshot {

    private static final int W = TilePath.WIDTH;
    /** The kept checkpoints' paths: flat, by size, as the tlog-tiles layout of earlier snapshots had them, whatever folders keep them. */
    private static final String KEPT = KeptCheckpoints.DIRECTORY + "/";
    private static final Pattern PARTIAL = Pattern.compile("(tile/(entries|[0-9]+)/.+)\\.p/([0-9]+)");

    private final DurableFiles files;
    private final byte[] checkpoint;
    private final long size;

    private LogSnapshot(DurableFiles files, byte[] checkpoint, long size) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.size = size;
    }

    /** The log of {@code dataDir} at its latest checkpoint; @throws IllegalStateException when none was signed yet */
    public static LogSnapshot of(Path dataDir) {
        DurableFiles files = new DurableFiles(dataDir.resolve(LedgerLog.DIRECTORY));
        byte[] checkpoint = files.read(LedgerLog.CHECKPOINT_FILE).orElseThrow(() -> new IllegalStateException(
                "no checkpoint in " + dataDir + " yet: a gateway signs them with the transparency-log-source route"));
        SignedNote note = SignedNote.parse(new String(checkpoint, StandardCharsets.UTF_8));
        return new LogSnapshot(files, checkpoint, Checkpoint.parse(note.text()).size());
    }

    /** The tree size of the checkpoint. */
    public long size() {
        return size;
    }

    /** The resources' paths relative to the log's prefix: the checkpoint, the tree's tiles and bundles, the kept checkpoints. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        paths.add(LedgerLog.CHECKPOINT_FILE);
        for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
            long full = TileLog.tileIndex(size, level);
            int width = TileLog.widthAt(size, level);
            if (full == 0 && width == 0) {
                break;
            }
            for (long index = 0; index < full; index++) {
                paths.add(TilePath.tile(level, index, W));
                if (level == 0) {
                    paths.add(TilePath.entries(index, W));
                }
            }
            if (width > 0) {
                paths.add(TilePath.tile(level, full, width));
                if (level == 0) {
                    paths.add(TilePath.entries(full, width));
                }
            }
        }
        kept().sizes().stream().filter(kept -> kept <= size).forEach(kept -> paths.add(KEPT + kept));
        return paths;
    }

    private KeptCheckpoints kept() {
        return new KeptCheckpoints(files.root().getParent());
    }

    /** The bytes of one of {@link #paths()}; @throws IllegalStateException when the log lacks it */
    public byte[] read(String path) {
        if (path.equals(LedgerLog.CHECKPOINT_FILE)) {
            return checkpoint.clone();
        }
        Optional<byte[]> bytes = path.startsWith(KEPT) ? kept().bytes(Long.parseLong(path.substring(KEPT.length())))
                : files.read(path).or(() -> headOfFullTile(path));
        return bytes.orElseThrow(() -> new IllegalStateException("the log in " + files.root() + " has no " + path));
    }

    private Optional<byte[]> headOfFullTile(String path) {
        Matcher partial = PARTIAL.matcher(path);
        if (!partial.matches()) {
            return Optional.empty();
        }
        int width = Integer.parseInt(partial.group(3));
        boolean entries = partial.group(2).equals("entries");
        return files.read(partial.group(1)).map(full -> entries
                ? EntryBundle.prefix(full, width)
                : Arrays.copyOf(full, width * MerkleHash.LENGTH));
    }
}
