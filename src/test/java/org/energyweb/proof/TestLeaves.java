package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Leaf inputs shaped like production ones: 32-byte SHA-256 digests, distinct and reproducible. */
final class TestLeaves {

    private TestLeaves() {
    }

    static List<byte[]> digests(int count) {
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(Sha256.digest(ByteBuffer.allocate(Integer.BYTES).putInt(i).array()));
        }
        return leaves;
    }

    static List<byte[]> leafHashes(List<byte[]> inputs) {
        return inputs.stream().map(MerkleHash::leaf).toList();
    }
}
