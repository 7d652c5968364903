package org.energyweb.tlog.monitor;

import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.CheckpointCheck;
import org.energyweb.tlog.NoteVerifier;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks every checkpoint anchored on chain for one log, in block order, and checks each: its signed note is on
 * IPFS under the anchored CID (the bytes give that CID again), it is a c2sp.org/tlog-checkpoint signed by the log
 * key (c2sp.org/signed-note "Signatures"), its size and root are the anchored ones, and it is consistent with the
 * largest checkpoint accepted before it by an RFC 9162 consistency proof computed from the log's tiles
 * ({@link TreeCheck}). The tiles are those of the log's own latest checkpoint ({@link LogHead}), which every
 * anchored checkpoint must be a prefix of. The first checkpoint that fails is the finding. Anchors of anyone under
 * the origin that are not the log key's checkpoints can be ignored: they say nothing about the log.
 */
public final class AnchoredLogMonitor {

    /** A checkpoint that failed and why; {@code checkpoint} is empty when the tiles' own checkpoint failed. */
    public record Finding(Optional<AnchoredCheckpoint> checkpoint, String reason) {

        public String message() {
            return checkpoint.map(c -> c.name() + " " + reason).orElse(reason);
        }
    }

    /**
     * What a walk found.
     *
     * @param head       the tiles' checkpoint, when it is the log key's and its tiles give its root
     * @param consistent the anchored checkpoints accepted, in block order, up to the finding
     * @param ignored    without an accountable submitter: anchors under the origin that are not the log key's signed
     *                   checkpoint of the anchored tree (anyone may anchor anything under any origin), with why
     * @param finding    the first failure, empty when every anchored checkpoint passed
     */
    public record Report(Optional<Checkpoint> head, List<AnchoredCheckpoint> consistent, List<Finding> ignored, Optional<Finding> finding) {
    }

    /** IPFS failures that say nothing about the note: the node is not there, or we may not ask it. */
    private static final Set<IpfsException.Reason> NODE_UNAVAILABLE = EnumSet.of(IpfsException.Reason.UNREACHABLE,
            IpfsException.Reason.CIRCUIT_OPEN, IpfsException.Reason.CONFIGURATION, IpfsException.Reason.LOCAL_IO);

    private final TileSource tiles;
    private final NoteVerifier logKey;
    private final IpfsClient ipfs;

    public AnchoredLogMonitor(TileSource tiles, NoteVerifier logKey, IpfsClient ipfs) {
        this.tiles = tiles;
        this.logKey = logKey;
        this.ipfs = ipfs;
    }

    /**
     * Checks {@code anchored} (one log's checkpoints in block order, as {@link AnchoredCheckpoint#read} gives them).
     *
     * @param accountable whether every anchor is the log's own (they are one submitter's, the gateway's): then an anchor
     *                    that is not the log key's signed checkpoint of the anchored tree is a finding; otherwise it is
     *                    ignored, and only the log key's own checkpoints, whoever anchored them, must be consistent
     * @throws UncheckedIOException when the tiles cannot be read
     * @throws IpfsException        when the IPFS node cannot be reached
     */
    public Report check(List<AnchoredCheckpoint> anchored, boolean accountable) {
        LogHead.Result read = LogHead.read(tiles, logKey);
        if (read.head() == null) {
            return new Report(Optional.empty(), List.of(), List.of(), Optional.of(new Finding(Optional.empty(), read.finding())));
        }
        List<AnchoredCheckpoint> consistent = new ArrayList<>();
        List<Finding> ignored = new ArrayList<>();
        Optional<Checkpoint> largest = Optional.empty();
        String largestName = "";
        for (AnchoredCheckpoint checkpoint : anchored) {
            Result result = check(read.head().tiles(), largest, largestName, checkpoint);
            if (result.problem != null && result.checkpoint == null && !accountable) {
                ignored.add(new Finding(Optional.of(checkpoint), result.problem));
                continue;
            }
            if (result.problem != null) {
                return new Report(Optional.of(read.head().checkpoint()), consistent, ignored,
                        Optional.of(new Finding(Optional.of(checkpoint), result.problem)));
            }
            consistent.add(checkpoint);
            if (largest.isEmpty() || result.checkpoint.size() > largest.get().size()) {
                largest = Optional.of(result.checkpoint);
                largestName = "checkpoint size " + checkpoint.size() + " anchored in block " + checkpoint.block();
            }
        }
        return new Report(Optional.of(read.head().checkpoint()), consistent, ignored, Optional.empty());
    }

    /** {@code checkpoint}: the log key's checkpoint of the anchored tree, absent when the anchor is not that. */
    private record Result(Checkpoint checkpoint, String problem) {
    }

    private Result check(TileHashes tileHashes, Optional<Checkpoint> largest, String largestName, AnchoredCheckpoint anchored) {
        Cid cid;
        try {
            cid = Cid.parse(anchored.cid());
        } catch (IllegalArgumentException e) {
            return new Result(null, "names no CID: " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = ipfs.cat(cid);
        } catch (IpfsException e) {
            if (NODE_UNAVAILABLE.contains(e.reason())) {
                throw e;
            }
            return new Result(null, "has a CID that does not resolve on IPFS: " + e.getMessage());
        }
        if (!UnixFs.cidOf(bytes, UnixFsOptions.forCid(cid)).equals(cid)) {
            return new Result(null, "has a CID whose bytes on IPFS do not give that CID again");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointCheck.signedBy(utf8(bytes), logKey);
        } catch (IllegalArgumentException e) {
            return new Result(null, "is not a checkpoint signed by the log key " + logKey.name() + ": " + e.getMessage());
        }
        if (!BigInteger.valueOf(checkpoint.size()).equals(anchored.size()) || !Arrays.equals(checkpoint.root(), anchored.root())) {
            return new Result(null, "has a note of another tree (size " + checkpoint.size() + ") than the one anchored");
        }
        try {
            return new Result(checkpoint, TreeCheck.problem(tileHashes, largest, largestName, checkpoint).orElse(null));
        } catch (IllegalStateException e) {
            return new Result(checkpoint, "cannot be checked against the tiles: " + e.getMessage());
        }
    }

    /** signed-note "Format": a note is UTF-8; bytes that are not are no note rather than one with replacement characters. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the note is not UTF-8");
        }
    }
}
