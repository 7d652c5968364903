package org.energyweb.tlog;

/**
 * Resource paths of c2sp.org/tlog-tiles ("Merkle Tree", "Log entries"): {@code tile/<L>/<N>[.p/<W>]}
 * and {@code tile/entries/<N>[.p/<W>]}, relative to the log's prefix.
 */
public final class TilePath {

    /** "Full tiles MUST be exactly 256 hashes wide". */
    public static final int WIDTH = 256;
    /** Tree levels a tile spans: 256 = 2^8. */
    public static final int HEIGHT = 8;
    public static final int MAX_LEVEL = 63;

    private TilePath() {
    }

    /** The path of the tile at {@code level} with index {@code index}, partial when {@code width} is below 256. */
    public static String tile(int level, long index, int width) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("a tile level is between 0 and 63, not " + level);
        }
        return "tile/" + level + "/" + suffix(index, width);
    }

    /** The path of the entry bundle with index {@code index}, partial when {@code width} is below 256. */
    public static String entries(long index, int width) {
        return "tile/entries/" + suffix(index, width);
    }

    private static String suffix(long index, int width) {
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("a tile is 1 to 256 hashes wide, not " + width);
        }
        return index(index) + (width == WIDTH ? "" : ".p/" + width);
    }

    /**
     * {@code <N>}: zero-padded 3-digit path elements, all but the last beginning with "x"
     * (1234067 is "x001/x234/067").
     */
    static String index(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a tile index is not negative");
        }
        StringBuilder out = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            out.insert(0, String.format("x%03d/", rest % 1000));
        }
        return out.toString();
    }
}
