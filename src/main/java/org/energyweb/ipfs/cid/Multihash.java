package org.energyweb.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** A self-describing hash: varint code, varint length, digest. Energyweb computes sha2-256 only. */
public final class Multihash {

    public static final int SHA2_256 = 0x12;
    private static final int SHA2_256_LENGTH = 32;

    private final int code;
    private final byte[] digest;

    private Multihash(int code, byte[] digest) {
        this.code = code;
        this.digest = digest.clone();
    }

    public static Multihash sha256(byte[] digest) {
        if (digest.length != SHA2_256_LENGTH) {
            throw new IllegalArgumentException("a sha2-256 digest has 32 bytes, not " + digest.length);
        }
        return new Multihash(SHA2_256, digest);
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Reads a multihash at {@code position[0]} and advances it. */
    static Multihash read(byte[] bytes, int[] position) {
        long code = Varint.read(bytes, position);
        long length = Varint.read(bytes, position);
        if (code != SHA2_256 || length != SHA2_256_LENGTH) {
            throw new IllegalArgumentException("unsupported multihash: code 0x" + Long.toHexString(code) + ", length " + length
                    + " (only sha2-256, 32 bytes)");
        }
        if (position[0] + length > bytes.length) {
            throw new IllegalArgumentException("truncated multihash");
        }
        byte[] digest = Arrays.copyOfRange(bytes, position[0], position[0] + (int) length);
        position[0] += (int) length;
        return new Multihash((int) code, digest);
    }

    public byte[] digest() {
        return digest.clone();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + digest.length);
        write(out);
        return out.toByteArray();
    }

    void write(ByteArrayOutputStream out) {
        Varint.write(code, out);
        Varint.write(digest.length, out);
        out.writeBytes(digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Multihash && code == ((Multihash) other).code && Arrays.equals(digest, ((Multihash) other).digest);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(digest);
    }
}
