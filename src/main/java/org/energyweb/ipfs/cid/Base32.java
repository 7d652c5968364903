package org.energyweb.ipfs.cid;

/** RFC 4648 base32, lower case, without padding: the multibase prefix 'b' that CIDv1 uses by default. */
public final class Base32 {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Base32() {
    }

    public static String encode(byte[] input) {
        StringBuilder out = new StringBuilder((input.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : input) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    public static byte[] decode(String input) {
        byte[] out = new byte[input.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int length = 0;
        for (int i = 0; i < input.length(); i++) {
            int value = ALPHABET.indexOf(input.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not base32 (lower case): '" + input.charAt(i) + "' at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[length++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
