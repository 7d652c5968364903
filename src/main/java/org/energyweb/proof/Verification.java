package org.energyweb.proof;

/**
 * The outcome of checking a proof.
 *
 * @param reason        why the proof is invalid; null when it is valid
 * @param anchorChecked whether the anchor was confirmed on the chain, rather than only the hashes
 */
public record Verification(boolean valid, String reason, boolean anchorChecked) {

    static Verification valid(boolean anchorChecked) {
        return new Verification(true, null, anchorChecked);
    }

    static Verification invalid(String reason) {
        return new Verification(false, reason, false);
    }
}
