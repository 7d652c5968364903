package org.energyweb.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A note of c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more
 * signature lines "— name base64(key ID || signature)". Parsing checks the format ("Format");
 * {@link #verifiedBy} applies the rules of "Signatures" for a set of known keys.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** U+2014 em dash, then a space: the start of every signature line. */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    /** Verifiers must accept at least 16 signatures ("Format"); more than this is refused as abuse. */
    static final int MAX_SIGNATURES = 100;

    /** One signature line: the key name and the 4-byte key ID followed by the signature bytes. */
    public record Signature(String name, byte[] bytes) {

        public Signature {
            NoteVerifier.checkName(name);
            if (bytes.length < 5) {
                throw new IllegalArgumentException("a note signature has a 4-byte key ID and a signature");
            }
            bytes = bytes.clone();
        }

        public int keyId() {
            return ByteBuffer.wrap(bytes).getInt();
        }

        byte[] signature() {
            return Arrays.copyOfRange(bytes, 4, bytes.length);
        }

        public String line() {
            return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }

        /** @throws IllegalArgumentException when {@code line} (without its newline) is not a signature line */
        static Signature parse(String line) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException("a note signature line starts with an em dash and a space");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a note signature line is a key name and a base64 signature");
            }
            return new Signature(parts[0], Base64.getDecoder().decode(parts[1]));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Signature s && s.name.equals(name) && Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(bytes);
        }
    }

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with every one of {@code signers}. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        checkText(text);
        List<Signature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new Signature(signer.name(), signer.sign(text)));
        }
        return new SignedNote(text, signatures);
    }

    /** This note with {@code more} signature lines added (a witness's cosignatures, say). */
    public SignedNote with(Collection<Signature> more) {
        List<Signature> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /** @throws IllegalArgumentException when {@code note} is not a well-formed signed note */
    public static SignedNote parse(String note) {
        checkCharacters(note);
        // The text is separated from the signatures by the last empty line in the note.
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is a text, a blank line and signature lines, each ending in a newline");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note with more than " + MAX_SIGNATURES + " signatures");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(Signature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note as sent: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /**
     * The keys among {@code known} whose signatures on this note verify, applying signed-note
     * "Signatures": a signature from an unknown key (name or ID differ) is ignored; one from a known key
     * that fails rejects the whole note.
     *
     * @throws IllegalArgumentException when a known key's signature fails, or none of the known keys signed
     */
    public List<NoteVerifier> verifiedBy(Collection<NoteVerifier> known) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteVerifier> verified = new ArrayList<>();
        for (Signature signature : signatures) {
            for (NoteVerifier key : known) {
                if (key.name().equals(signature.name()) && key.keyId() == signature.keyId()) {
                    if (!key.verifies(message, signature.signature())) {
                        throw new IllegalArgumentException("the signature of " + key.name() + " on the note does not verify");
                    }
                    if (!verified.contains(key)) {
                        verified.add(key);
                    }
                }
            }
        }
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("the note carries no signature of a known key");
        }
        return verified;
    }

    private static void checkText(String text) {
        checkCharacters(text);
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends in a newline");
        }
    }

    /** signed-note "Format": no ASCII control characters other than newline (Java strings are valid Unicode). */
    private static void checkCharacters(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("a signed note has a control character at " + i);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < note.length() && Character.isLowSurrogate(note.charAt(++i)))) {
                throw new IllegalArgumentException("a signed note is not valid UTF-8");
            }
        }
    }
}
