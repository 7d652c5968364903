package org.energyweb.proof;

import java.util.Optional;

/**
 * Confirms on the chain that a batch root was anchored where a proof says. Implemented outside this
 * package (it needs an RPC client); {@link ProofVerifier} calls it after the proof's own hashes check out.
 *
 * <p>The batch size is passed along with the root because an RFC 9162 inclusion path does not
 * authenticate the size by itself: a tree of another size with the same shape along the leaf's path
 * yields the same root. The anchor contract stores the size with the root, so the check compares both.
 */
@FunctionalInterface
public interface AnchorCheck {

    /**
     * @return empty when the transaction {@code anchor.tx()} in block {@code anchor.block()} on chain
     *         {@code anchor.chainId()} anchored exactly {@code root} with {@code size} on {@code anchor.contract()};
     *         otherwise a reason fit for a person, such as "transaction not found"
     */
    Optional<String> problem(Anchor anchor, byte[] root, long size);
}
