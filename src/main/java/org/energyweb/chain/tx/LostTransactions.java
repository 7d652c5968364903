package org.energyweb.chain.tx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.OptionalLong;

/**
 * Finds out at start whether the chain has lost transactions the ledger recorded as mined or
 * confirmed, and if so re-anchors from the last one the chain really holds.
 *
 * <p>An account's transactions are mined in nonce order, so the chain's {@code latest} transaction
 * count says which of them it holds: every nonce below it. A recorded mined or confirmed nonce at
 * or above it means the chain no longer has that transaction: a dev chain restarted without its
 * state (anvil killed before writing it), or a reorganisation deeper than the confirmation depth.
 * Left alone, the ledger would count those readings as anchored and hand out nonces the chain
 * cannot mine until the gap is filled, so nothing would ever be anchored again.
 */
final class LostTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(LostTransactions.class);

    private LostTransactions() {
    }

    /**
     * Re-queues on {@code hop} everything whose transaction from {@code signer} has a nonce the
     * chain does not hold ({@code chainNonce} on), and lowers the account's next nonce to
     * {@code chainNonce}, when the chain lost any transaction the ledger saw mined.
     *
     * @return the hop rows sent again
     */
    static List<Long> reanchor(NonceRecords nonces, String hop, Signer signer, long chainNonce) {
        String account = NonceManager.account(signer.chainId(), signer.address());
        if (nonces.next(account).orElse(0) <= chainNonce) {
            // Every nonce the ledger ever allocated is below the chain's count: nothing can be lost,
            // and the usual start reads no hop state for it.
            return List.of();
        }
        OptionalLong highestMined = nonces.highest(hop, signer.chainId(), signer.address(),
                List.of(ChainHop.MINED, ChainHop.CONFIRMED));
        if (highestMined.isEmpty() || highestMined.getAsLong() < chainNonce) {
            return List.of();
        }
        List<Long> positions = nonces.rewind(account, hop,
                signer.chainId(), signer.address(), chainNonce, ChainHop.DEAD);
        LOG.warn("the chain lost transactions the ledger recorded as mined: it holds {} transaction(s) from {} but the ledger saw "
                        + "nonce {} mined (a dev chain restarted without its state, or a reorganisation deeper than the confirmations). "
                        + "{} reading(s) from nonce {} on are anchored again; the last reading the chain holds stays as it is",
                chainNonce, signer.address(), highestMined.getAsLong(), positions.size(), chainNonce);
        return positions;
    }
}
