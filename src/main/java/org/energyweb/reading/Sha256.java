package org.energyweb.reading;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests and their lowercase hex form, the identity of every document. */
public final class Sha256 {

    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        return DIGEST.get().digest(data);
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** True for exactly 64 lowercase hex digits. */
    public static boolean isHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
