package org.energyweb.batch;

import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.MerkleTreeTop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The data folder's {@code trees/}: the top of each batch's tree, under the batch root, so a proof
 * rebuilds one block of 256 leaves instead of the whole batch. A cache of what the ledger already
 * determines: a missing or unusable top only makes the next proof slower, and that proof writes it again.
 */
final class TreeTopStore {

    private static final HexFormat HEX = HexFormat.of();

    private final Path folder;

    TreeTopStore(Path dataDir) {
        this.folder = dataDir.resolve("trees");
    }

    /** Keeps the top of {@code tree}, with blocks of the default height. */
    void keep(MerkleTree tree) {
        MerkleTreeTop top = MerkleTreeTop.of(tree, MerkleTreeTop.DEFAULT_HEIGHT);
        Path file = file(top.root());
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(file.getFileName() + ".partial");
            Files.write(partial, top.toBytes());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tree top " + file, e);
        }
    }

    /** The stored top of the batch with {@code root} and {@code size} leaves; empty when there is none that fits. */
    Optional<MerkleTreeTop> load(byte[] root, long size) {
        Path file = file(root);
        try {
            MerkleTreeTop top = MerkleTreeTop.fromBytes(Files.readAllBytes(file));
            return top.size() == size && Arrays.equals(top.root(), root) ? Optional.of(top) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // Missing, cut short by a crash or not a top: the prover rebuilds the tree and stores it again.
            return Optional.empty();
        }
    }

    private Path file(byte[] root) {
        return folder.resolve(HEX.formatHex(root) + ".top");
    }
}
