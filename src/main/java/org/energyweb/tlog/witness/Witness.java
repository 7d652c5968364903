package org.energyweb.tlog.witness;

import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleHash;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.SignedNote;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A c2sp.org/tlog-witness: for each log it trusts (origin and verifier keys) it keeps the latest checkpoint
 * it cosigned, and cosigns a new one only when the log signed it and a consistency proof shows it extends
 * that one. The checks run in the order of the spec's "add-checkpoint" section, each refusal with its
 * status code. Plain Java: the HTTP server is {@link WitnessServer}.
 */
public final class Witness {

    private final Cosigner cosigner;
    private final Map<String, List<NoteVerifier>> logs;
    private final WitnessedLogs witnessed;
    private final Clock clock;

    /** @param logKeys the keys of the logs this witness serves; a log's origin is its keys' name */
    public Witness(Cosigner cosigner, Collection<NoteVerifier> logKeys, Path stateDir, Clock clock) {
        this.cosigner = cosigner;
        this.logs = logKeys.stream().collect(Collectors.groupingBy(NoteVerifier::name, Collectors.mapping(Function.identity(), Collectors.toList())));
        this.witnessed = new WitnessedLogs(stateDir);
        this.clock = clock;
    }

    public CosignatureVerifier key() {
        return cosigner.verifier();
    }

    /** Answers one add-checkpoint request body. */
    public WitnessResponse addCheckpoint(String body) {
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try {
            request = AddCheckpointRequest.parse(body);
            checkpoint = Checkpoint.parse(request.checkpoint().text());
        } catch (IllegalArgumentException e) {
            return WitnessResponse.refused(400, "malformed add-checkpoint request: " + e.getMessage());
        }
        List<NoteVerifier> keys = logs.get(checkpoint.origin());
        if (keys == null) {
            // "If the checkpoint origin is unknown, the witness MUST respond with a 404 Not Found".
            return WitnessResponse.refused(404, "unknown log origin");
        }
        try {
            // "MUST ignore signatures from unknown keys"; none verifying against a trusted key is 403.
            request.checkpoint().verifiedBy(keys);
        } catch (IllegalArgumentException e) {
            return WitnessResponse.refused(403, "the checkpoint is not signed by the log: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return WitnessResponse.refused(400, "old size " + request.oldSize() + " is above the checkpoint size " + checkpoint.size());
        }
        return cosignIfConsistent(request, checkpoint);
    }

    /**
     * The checks against the stored checkpoint and the update, atomically ("add-checkpoint": otherwise two
     * requests could roll the stored size back).
     */
    private synchronized WitnessResponse cosignIfConsistent(AddCheckpointRequest request, Checkpoint checkpoint) {
        Optional<Checkpoint> stored = witnessed.latest(checkpoint.origin());
        // "(or zero if it never cosigned a checkpoint for that origin)": the empty tree.
        Checkpoint latest = stored.orElseGet(() -> new Checkpoint(checkpoint.origin(), 0, MerkleHash.emptyRoot()));
        if (request.oldSize() != latest.size()) {
            // "409 Conflict", the body the latest cosigned size in decimal and a newline, type text/x.tlog.size.
            return WitnessResponse.conflict(latest.size());
        }
        if (stored.isPresent() && request.oldSize() == checkpoint.size() && !Arrays.equals(latest.root(), checkpoint.root())) {
            // Same size, another root: a split view ("the witness MUST respond with a 409 Conflict").
            return WitnessResponse.conflict(latest.size());
        }
        // RFC 6962 2.1.2 (RFC 9162 2.1.4); the proof is empty from size zero, and a size-zero root must be the empty tree's.
        if (!MerkleConsistency.verify(latest.size(), checkpoint.size(), latest.root(), checkpoint.root(), request.proof())) {
            return WitnessResponse.refused(422, "the consistency proof from size " + latest.size() + " does not verify");
        }
        witnessed.record(new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.root()));
        SignedNote.Signature cosignature = cosigner.cosign(checkpoint.text(), clock.instant().getEpochSecond());
        return new WitnessResponse(200, WitnessResponse.TEXT, cosignature.line());
    }
}
