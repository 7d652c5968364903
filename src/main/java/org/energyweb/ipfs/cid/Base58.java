package org.energyweb.ipfs.cid;

import java.util.Arrays;

/** Bitcoin's base58 alphabet, used by CIDv0 and the multibase prefix 'z'. */
public final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        int leadingZeros = 0;
        while (leadingZeros < input.length && input[leadingZeros] == 0) {
            leadingZeros++;
        }
        // base-256 to base-58 by repeated division of a copy; inputs are short (CIDs, hashes)
        byte[] number = Arrays.copyOf(input, input.length);
        char[] encoded = new char[input.length * 2];
        int out = encoded.length;
        int start = leadingZeros;
        while (start < number.length) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xFF);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            encoded[--out] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < leadingZeros; i++) {
            encoded[--out] = ALPHABET[0];
        }
        return new String(encoded, out, encoded.length - out);
    }

    public static byte[] decode(String input) {
        int leadingOnes = 0;
        while (leadingOnes < input.length() && input.charAt(leadingOnes) == ALPHABET[0]) {
            leadingOnes++;
        }
        byte[] number = new byte[input.length()];
        int length = 0;
        for (int i = leadingOnes; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not base58: '" + c + "' at " + i);
            }
            // number = number * 58 + digit, little-endian in number[0..length)
            int carry = digit;
            for (int j = 0; j < length; j++) {
                carry += (number[j] & 0xFF) * 58;
                number[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                number[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] decoded = new byte[leadingOnes + length];
        for (int i = 0; i < length; i++) {
            decoded[decoded.length - 1 - i] = number[i];
        }
        return decoded;
    }
}
