package org.energyweb.tlog.witness;

import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.SubtreeHashes;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.SignedNote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The log's side of c2sp.org/tlog-witness: submits each new signed checkpoint to the configured witnesses with
 * a consistency proof from the size each last cosigned, and adds their cosignatures to the checkpoint note (a
 * signed note carries any number of signatures, c2sp.org/signed-note "Format"). The size a witness holds is
 * learned from it: a first request claims old size 0 and the witness's 409 names its size ("If a client doesn't
 * have information on the latest cosigned checkpoint, it MAY initially make a request with a old size of zero
 * to obtain it"), so nothing has to be stored on the log's side. The witnesses are asked at once, each on its own
 * thread, so a slow one delays a round by its own timeout only.
 */
public final class CheckpointWitnesses {

    /** The checkpoint with the cosignatures obtained, and why each other witness did not cosign. */
    public record Cosigned(SignedNote note, int cosignatures, List<String> refusals) {
    }

    private final List<WitnessClient> witnesses;
    private final Map<WitnessClient, Long> cosignedSizes = new ConcurrentHashMap<>();
    /** At most one thread per witness, since rounds do not overlap; idle threads end after a minute. */
    private final ExecutorService asking = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "energyweb-witness-client");
        thread.setDaemon(true);
        return thread;
    });

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
        List<Future<Asked>> asked = new ArrayList<>();
        for (WitnessClient witness : witnesses) {
            asked.add(asking.submit(() -> ask(witness, checkpoint, tree, size)));
        }
        List<SignedNote.Signature> cosignatures = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        try {
            for (Future<Asked> answer : asked) {
                Asked result = answer.get();
                cosignatures.addAll(result.cosignatures());
                result.refusal().ifPresent(refusals::add);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking a witness failed", e.getCause());
        } finally {
            asked.forEach(answer -> answer.cancel(true));
        }
        int cosigned = (int) cosignatures.stream().map(SignedNote.Signature::name).distinct().count();
        return new Cosigned(checkpoint.with(cosignatures), cosigned, List.copyOf(refusals));
    }

    /** One witness's cosignatures, or why it gave none. */
    private record Asked(List<SignedNote.Signature> cosignatures, Optional<String> refusal) {
    }

    private Asked ask(WitnessClient witness, SignedNote checkpoint, SubtreeHashes tree, long size) throws InterruptedException {
        try {
            WitnessClient.Result result = submit(witness, checkpoint, tree, size);
            if (result.status() == 409 && result.body().matches("[0-9]+\n") && result.cosignedSize() <= size) {
                // Our idea of the witness's size was stale (first contact, or another instance of this log): once more from its size.
                cosignedSizes.put(witness, result.cosignedSize());
                result = submit(witness, checkpoint, tree, size);
            }
            if (result.cosigned()) {
                cosignedSizes.put(witness, size);
                return new Asked(result.cosignatures(), Optional.empty());
            }
            return new Asked(List.of(), Optional.of(witness + " answered " + result.status() + ": " + result.body().strip()));
        } catch (IOException | IllegalArgumentException e) {
            return new Asked(List.of(), Optional.of(witness + " could not be asked: " + e.getMessage()));
        }
    }

    private WitnessClient.Result submit(WitnessClient witness, SignedNote checkpoint, SubtreeHashes tree, long size)
            throws IOException, InterruptedException {
        long old = cosignedSizes.getOrDefault(witness, 0L);
        return witness.addCheckpoint(new AddCheckpointRequest(old, MerkleProofs.consistencyProof(tree, old, size), checkpoint));
    }
}
