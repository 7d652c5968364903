package org.energyweb.proof;

import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Figures for a million-leaf batch on this machine: tree build, proof generation and verification,
 * field commitments. Prints, asserts nothing. Run: mvn -o -Pbench test -Dtest=MerkleBench
 */
@Tag("bench")
class MerkleBench {

    private static final int LEAVES = 1_000_000;
    private static final int ROUNDS = 5;
    private static final int PROOFS = 20_000;

    private static List<byte[]> documents(int count) {
        List<byte[]> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(("{\"energyWh\":" + (1_000_000 + i) + ",\"meter\":\"m-" + (i % 5000) + "\",\"seq\":" + i + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return documents;
    }

    @Test
    void millionLeafBatch() {
        List<byte[]> documents = documents(LEAVES);
        List<byte[]> digests = documents.stream().map(Sha256::digest).toList();

        MerkleTree tree = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            tree = MerkleTree.ofLeafInputs(digests);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("tree build, %,d leaves: best of %d %.1f ms = %,.0f leaves/s (%d cores)%n",
                LEAVES, ROUNDS, best / 1e6, LEAVES / (best / 1e9), Runtime.getRuntime().availableProcessors());

        SplittableRandom random = new SplittableRandom(7);
        int[] indices = random.ints(PROOFS, 0, LEAVES).toArray();
        List<String> proofs = new ArrayList<>(PROOFS);
        long[] generation = new long[PROOFS];
        for (int i = 0; i < PROOFS; i++) {
            long start = System.nanoTime();
            proofs.add(ProofJson.write(InclusionProof.of(documents.get(indices[i]), tree, indices[i], TestDocuments.ANCHOR)));
            generation[i] = System.nanoTime() - start;
        }
        report("proof generation (path + proof JSON)", generation);

        ProofVerifier verifier = ProofVerifier.hashesOnly();
        long[] verification = new long[PROOFS];
        int valid = 0;
        for (int i = 0; i < PROOFS; i++) {
            long start = System.nanoTime();
            valid += verifier.verify(ProofJson.read(proofs.get(i).getBytes(StandardCharsets.UTF_8))).valid() ? 1 : 0;
            verification[i] = System.nanoTime() - start;
        }
        report("proof verification (parse JSON + hashes)", verification);
        System.out.printf("  %d of %d proofs valid%n", valid, PROOFS);
    }

    @Test
    void fieldCommitments() {
        List<byte[]> documents = TestDocuments.readings(100_000);
        byte[] secret = TestDocuments.secret();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (byte[] document : documents) {
                LeafKind.FIELD_ROOT.leafInput(document, SaltSeed.derive(secret, Sha256.digest(document)));
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("field roots (seed + salts + field tree), one thread: %,.0f readings/s%n", documents.size() / (best / 1e9));

        MerkleTree batch = TestDocuments.batchOf(documents, LeafKind.FIELD_ROOT, secret);
        long[] generation = new long[PROOFS];
        long[] verification = new long[PROOFS];
        ProofVerifier verifier = ProofVerifier.hashesOnly();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < PROOFS; i++) {
            int index = random.nextInt(documents.size());
            byte[] document = documents.get(index);
            long start = System.nanoTime();
            FieldCommitments commitments = FieldCommitments.of(document, SaltSeed.derive(secret, Sha256.digest(document)));
            String json = ProofJson.write(FieldProof.of(commitments, "energyWh", batch, index, TestDocuments.ANCHOR));
            generation[i] = System.nanoTime() - start;
            start = System.nanoTime();
            verifier.verify(ProofJson.read(json.getBytes(StandardCharsets.UTF_8)));
            verification[i] = System.nanoTime() - start;
        }
        report("field proof generation, 100,000-leaf batch", generation);
        report("field proof verification", verification);
    }

    /** Mean, median and 99th percentile of the second half, after the JIT has warmed up on the first. */
    private static void report(String what, long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length);
        Arrays.sort(warm);
        double mean = Arrays.stream(warm).average().orElse(0);
        System.out.printf("%s: mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms%n", what,
                mean / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length * 99 / 100] / 1e6, warm[warm.length - 1] / 1e6);
    }
}
