package org.energyweb.tlog.proof;

import org.energyweb.chain.origin.AnchorTransactionCheck;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.AnchorCheck;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.CheckpointAnchor;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.monitor.AnchoredCheckpoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Confirms the anchor of a transparency-log proof on an EVM node: the chain, block, success and confirmations of its
 * transaction ({@link AnchorTransactionCheck}); and the proof's contract emitted in
 * it a {@code LogCheckpointAnchored} event (read as {@code log monitor} reads it, {@link AnchoredCheckpoint}) by the
 * proof's submitter for its origin with exactly the proof's size, root and checkpoint CID. What the proof carries is
 * checked against itself first ({@link #problem(BatchPath)}), so the chain is asked only about a coherent claim.
 */
public final class CheckpointAnchorCheck implements AnchorCheck {

    private final AnchorTransactionCheck transaction;

    /** @param confirmations blocks the transaction's block needs on top of the chain (itself included) */
    public CheckpointAnchorCheck(Eth eth, int confirmations) {
        this.transaction = new AnchorTransactionCheck(eth, confirmations);
    }

    /**
     * What a log proof's anchor says against the rest of the proof, without a chain: it names the proof's tree size,
     * the origin of the proof's checkpoint, and the CID of that checkpoint's exact bytes.
     *
     * @return empty when it agrees (or the proof has no anchor); otherwise the first disagreement
     */
    public static Optional<String> problem(BatchPath batch) {
        Anchor anchor = batch.anchor();
        if (anchor == null) {
            return Optional.empty();
        }
        CheckpointAnchor anchored = anchor.checkpoint();
        if (batch.checkpoint() == null) {
            return anchored == null ? Optional.empty() : Optional.of("anchor names a log checkpoint, but the proof carries none");
        }
        if (anchored == null) {
            return Optional.of("anchor names no anchored checkpoint (submitter, origin, size, cid) for the proof's log checkpoint");
        }
        if (anchored.size() != batch.size()) {
            return Optional.of("anchor names size " + anchored.size() + ", the proof's tree has size " + batch.size());
        }
        String origin = Checkpoint.parse(SignedNote.parse(batch.checkpoint()).text()).origin();
        if (!anchored.origin().equals(origin)) {
            return Optional.of("anchor names origin " + anchored.origin() + ", the proof's checkpoint is of " + origin);
        }
        if (!cidOf(batch.checkpoint(), anchored.cid())) {
            return Optional.of("anchor names CID " + anchored.cid() + ", which is not the CID of the proof's checkpoint");
        }
        return Optional.empty();
    }

    /** Whether {@code cid} is a CID of the note's exact (UTF-8) bytes, made as its own version and options make CIDs. */
    static boolean cidOf(String note, String cid) {
        Cid parsed;
        try {
            parsed = Cid.parse(cid);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return UnixFs.cidOf(note.getBytes(StandardCharsets.UTF_8), UnixFsOptions.forCid(parsed)).equals(parsed);
    }

    @Override
    public Optional<String> problem(Anchor anchor, byte[] root, long size) {
        CheckpointAnchor claimed = anchor.checkpoint();
        if (claimed == null) {
            return Optional.of("anchor names no anchored checkpoint");
        }
        AnchorTransactionCheck.Outcome mined = transaction.check(anchor);
        if (mined.receipt() == null) {
            return Optional.of(mined.problem());
        }
        List<AnchoredCheckpoint> events = new ArrayList<>();
        for (Log log : mined.receipt().logs()) {
            if (log.address().equalsIgnoreCase(anchor.contract()) && ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED.matches(log)) {
                events.add(AnchoredCheckpoint.of(log));
            }
        }
        if (events.isEmpty()) {
            return Optional.of("transaction " + anchor.tx() + " anchored no checkpoint on contract " + anchor.contract());
        }
        List<String> differences = new ArrayList<>();
        for (AnchoredCheckpoint event : events) {
            List<String> differing = differences(event, claimed, root, size);
            if (differing.isEmpty()) {
                return Optional.empty();
            }
            differences.add(event.name() + " differs from the proof in " + String.join(", ", differing));
        }
        return Optional.of(String.join("; ", differences));
    }

    private static List<String> differences(AnchoredCheckpoint event, CheckpointAnchor claimed, byte[] root, long size) {
        HexFormat hex = HexFormat.of();
        List<String> differing = new ArrayList<>();
        if (!event.submitter().equalsIgnoreCase(claimed.submitter())) {
            differing.add("submitter (proof: " + claimed.submitter() + ")");
        }
        if (!event.origin().equals(claimed.origin())) {
            differing.add("origin (proof: " + claimed.origin() + ")");
        }
        if (!event.size().equals(BigInteger.valueOf(size))) {
            differing.add("size (proof: " + size + ")");
        }
        if (!Arrays.equals(event.root(), root)) {
            differing.add("root (on chain: " + hex.formatHex(event.root()) + ", proof: " + hex.formatHex(root) + ")");
        }
        if (!event.cid().equals(claimed.cid())) {
            differing.add("cid (proof: " + claimed.cid() + ")");
        }
        return differing;
    }
}
