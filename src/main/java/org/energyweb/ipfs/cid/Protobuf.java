package org.energyweb.ipfs.cid;

import java.io.ByteArrayOutputStream;

/** The few protobuf wire-format pieces that PBNode, PBLink and UnixFS Data need. */
final class Protobuf {

    static final int VARINT = 0;
    static final int LENGTH_DELIMITED = 2;

    private Protobuf() {
    }

    static int tag(int field, int wireType) {
        return (field << 3) | wireType;
    }

    static void writeVarintField(ByteArrayOutputStream out, int field, long value) {
        out.write(tag(field, VARINT));
        Varint.write(value, out);
    }

    static void writeBytesField(ByteArrayOutputStream out, int field, byte[] bytes) {
        out.write(tag(field, LENGTH_DELIMITED));
        Varint.write(bytes.length, out);
        out.writeBytes(bytes);
    }

    /** Size of a length-delimited field holding {@code length} bytes. */
    static int bytesFieldSize(int length) {
        return 1 + Varint.size(length) + length;
    }
}
