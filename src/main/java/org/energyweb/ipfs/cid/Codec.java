package org.energyweb.ipfs.cid;

/** The multicodecs a UnixFS file is made of: raw leaves and dag-pb nodes. */
public enum Codec {
    RAW(0x55),
    DAG_PB(0x70);

    private final int code;

    Codec(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Codec ofCode(long code) {
        for (Codec codec : values()) {
            if (codec.code == code) {
                return codec;
            }
        }
        throw new IllegalArgumentException("unsupported codec 0x" + Long.toHexString(code) + " (raw 0x55 or dag-pb 0x70)");
    }
}
