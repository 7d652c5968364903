package org.energyweb.ipfs.cid;

/** The two multibase encodings IPFS uses for CIDs: one prefix character, then the encoded bytes. */
public enum Multibase {
    BASE58BTC('z'),
    BASE32('b');

    private final char prefix;

    Multibase(char prefix) {
        this.prefix = prefix;
    }

    public String encode(byte[] bytes) {
        return prefix + (this == BASE58BTC ? Base58.encode(bytes) : Base32.encode(bytes));
    }

    /** Decodes a multibase string of either supported encoding. */
    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty multibase string");
        }
        char prefix = text.charAt(0);
        String body = text.substring(1);
        if (prefix == BASE58BTC.prefix) {
            return Base58.decode(body);
        }
        if (prefix == BASE32.prefix) {
            return Base32.decode(body);
        }
        throw new IllegalArgumentException("unsupported multibase prefix '" + prefix + "' (z or b)");
    }
}
