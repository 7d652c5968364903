package org.energyweb.ipfs.cid;

import java.io.ByteArrayOutputStream;

/**
 * A content identifier. Version 0 is a bare base58 sha2-256 multihash of a dag-pb node ({@code Qm...});
 * version 1 adds the version and codec and is written in base32 by default ({@code bafy...} for dag-pb,
 * {@code bafkrei...} for raw).
 */
public final class Cid {

    private static final int CIDV0_LENGTH = 46;

    private final int version;
    private final Codec codec;
    private final Multihash multihash;

    private Cid(int version, Codec codec, Multihash multihash) {
        this.version = version;
        this.codec = codec;
        this.multihash = multihash;
    }

    public static Cid v0(Multihash multihash) {
        return new Cid(0, Codec.DAG_PB, multihash);
    }

    public static Cid v1(Codec codec, Multihash multihash) {
        return new Cid(1, codec, multihash);
    }

    /**
     * The CIDv1 (raw codec, sha2-256) of a document whose SHA-256 is {@code digest32}: the address
     * {@code ipfs add --cid-version=1} gives any document up to one chunk (256 KiB).
     */
    public static Cid ofRawSha256(byte[] digest32) {
        return v1(Codec.RAW, Multihash.sha256(digest32));
    }

    /** Parses a CIDv0 ({@code Qm...}, 46 characters) or a multibase CIDv1 (base32 or base58btc). */
    public static Cid parse(String text) {
        if (text.length() == CIDV0_LENGTH && text.startsWith("Qm")) {
            return fromBytes(Base58.decode(text));
        }
        return fromBytes(Multibase.decode(text));
    }

    /** Reads the binary form: a bare multihash for v0, or version, codec and multihash for v1. */
    public static Cid fromBytes(byte[] bytes) {
        int[] position = {0};
        if (bytes.length > 1 && (bytes[0] & 0xFF) == Multihash.SHA2_256 && bytes[1] == 32) {
            Cid cid = v0(Multihash.read(bytes, position));
            requireConsumed(bytes, position);
            return cid;
        }
        long version = Varint.read(bytes, position);
        if (version != 1) {
            throw new IllegalArgumentException("unsupported CID version " + version);
        }
        Codec codec = Codec.ofCode(Varint.read(bytes, position));
        Cid cid = v1(codec, Multihash.read(bytes, position));
        requireConsumed(bytes, position);
        return cid;
    }

    private static void requireConsumed(byte[] bytes, int[] position) {
        if (position[0] != bytes.length) {
            throw new IllegalArgumentException("trailing bytes after the CID");
        }
    }

    public int version() {
        return version;
    }

    public Codec codec() {
        return codec;
    }

    public Multihash multihash() {
        return multihash;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(36);
        if (version == 1) {
            Varint.write(1, out);
            Varint.write(codec.code(), out);
        }
        multihash.write(out);
        return out.toByteArray();
    }

    /** The same content addressed as CIDv1 (a v1 stays as it is). */
    public Cid toV1() {
        return version == 1 ? this : v1(codec, multihash);
    }

    /** The v1 text in the given multibase; a v0 has only one text form, base58 without prefix. */
    public String toString(Multibase base) {
        return version == 0 ? toString() : base.encode(toBytes());
    }

    /** v0: base58btc without prefix; v1: base32 lower case, as Kubo prints them. */
    @Override
    public String toString() {
        return version == 0 ? Base58.encode(toBytes()) : Multibase.BASE32.encode(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Cid)) {
            return false;
        }
        Cid that = (Cid) other;
        return version == that.version && codec == that.codec && multihash.equals(that.multihash);
    }

    @Override
    public int hashCode() {
        return (31 * version + codec.hashCode()) * 31 + multihash.hashCode();
    }
}
