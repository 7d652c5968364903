package org.energyweb.tlog.witness;

import org.energyweb.tlog.SignedNote;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a c2sp.org/tlog-witness "add-checkpoint" request: the line {@code old <size>}, zero to 63
 * consistency proof lines (one base64 hash each), an empty line, then the signed checkpoint note.
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, SignedNote checkpoint) {

    /** "add-checkpoint": the client MUST NOT send more than 63 consistency proof lines. */
    static final int MAX_PROOF_LINES = 63;

    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("an old size is not negative");
        }
        if (proof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
        proof = proof.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }

    public String encoded() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> out.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return out.append('\n').append(checkpoint.encoded()).toString();
    }

    /** @throws IllegalArgumentException when {@code body} is not an add-checkpoint request body */
    public static AddCheckpointRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("an add-checkpoint body has an empty line before the checkpoint");
        }
        String[] lines = body.substring(0, blank).split("\n", -1);
        // "old", a single space, then the size in decimal without leading zeroes ("0" for zero).
        if (!lines[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("an add-checkpoint body starts with the line 'old <size>'");
        }
        long oldSize = Long.parseLong(lines[0].substring("old ".length()));
        if (lines.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("consistency proof line " + i + " is not base64");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("consistency proof line " + i + " is not a SHA-256 hash");
            }
            proof.add(hash);
        }
        return new AddCheckpointRequest(oldSize, proof, SignedNote.parse(body.substring(blank + 2)));
    }
}
