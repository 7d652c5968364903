package org.energyweb.tlog.witness;

import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.SubtreeHashes;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.SignedNote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log's side of c2sp.org/tlog-witness: submits each new signed checkpoint to the configured witnesses with
 * a consistency proof from the size each last cosigned, and adds their cosignatures to the checkpoint note (a
 * signed note carries any number of signatures, c2sp.org/signed-note "Format"). The size a witness holds is
 * learned from it: a first request claims old size 0 and the witness's 409 names its size ("If a client doesn't
 * have information on the latest cosigned checkpoint, it MAY initially make a request with a old size of zero
 * to obtain it"), so nothing has to be stored on the log's side.
 */
public final class CheckpointWitnesses {

    /** The checkpoint with the cosignatures obtained, and why each other witness did not cosign. */
    public record Cosigned(SignedNote note, int cosignatures, List<String> refusals) {
    }

    private final List<WitnessClient> witnesses;
    private final Map<WitnessClient, Long> cosignedSizes = new LinkedHashMap<>();

    public CheckpointWitnesses(List<WitnessClient> witnesses) {
        this.witnesses = List.copyOf(witnesses);
    }

    /**
     * Asks every witness to cosign {@code checkpoint}, a checkpoint of the tree whose hashes {@code tree} holds.
     *
     * @throws InterruptedException when interrupted while waiting for a witness
     */
    public synchronized Cosigned cosign(SignedNote checkpoint, SubtreeHashes tree) throws InterruptedException {
        long size = Checkpoint.parse(checkpoint.text()).size();
        List<SignedNote.Signature> cosignatures = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (WitnessClient witness : witnesses) {
            try {
                WitnessClient.Result result = submit(witness, checkpoint, tree, size);
                if (result.status() == 409 && result.body().matches("[0-9]+\n") && result.cosignedSize() <= size) {
                    // Our idea of the witness's size was stale (first contact, or another instance of this log): once more from its size.
                    cosignedSizes.put(witness, result.cosignedSize());
                    result = submit(witness, checkpoint, tree, size);
                }
                if (result.cosigned()) {
                    cosignedSizes.put(witness, size);
                    cosignatures.addAll(result.cosignatures());
                } else {
                    refusals.add(witness + " answered " + result.status() + ": " + result.body().strip());
                }
            } catch (IOException | IllegalArgumentException e) {
                refusals.add(witness + " could not be asked: " + e.getMessage());
            }
        }
        int cosigned = (int) cosignatures.stream().map(SignedNote.Signature::name).distinct().count();
        return new Cosigned(checkpoint.with(cosignatures), cosigned, List.copyOf(refusals));
    }

    private WitnessClient.Result submit(WitnessClient witness, SignedNote checkpoint, SubtreeHashes tree, long size)
            throws IOException, InterruptedException {
        long old = cosignedSizes.getOrDefault(witness, 0L);
        return witness.addCheckpoint(new AddCheckpointRequest(old, MerkleProofs.consistencyProof(tree, old, size), checkpoint));
    }
}
