package org.energyweb.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** c2sp.org/tlog-tiles "Log entries": a bundle is a sequence of big-endian uint16 length-prefixed entries. */
final class EntryBundle {

    private EntryBundle() {
    }

    static void add(ByteArrayOutputStream bundle, byte[] entry) {
        bundle.write(entry.length >>> 8);
        bundle.write(entry.length & 0xFF);
        bundle.writeBytes(entry);
    }

    /** The entries of {@code bundle}. @throws IllegalArgumentException when it is cut short */
    static List<byte[]> entries(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("an entry bundle ends inside a length prefix");
            }
            int length = (bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF;
            if (at + 2 + length > bundle.length) {
                throw new IllegalArgumentException("an entry bundle ends inside an entry");
            }
            entries.add(Arrays.copyOfRange(bundle, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return entries;
    }

    /** The first {@code count} entries of {@code bundle}, a bundle of at least that many, as a bundle. */
    static byte[] prefix(byte[] bundle, int count) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            at += 2 + ((bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF);
        }
        return Arrays.copyOf(bundle, at);
    }

    /** How many entries {@code bundle} holds, -1 when it is not a well-formed bundle. */
    static int count(byte[] bundle) {
        try {
            return entries(bundle).size();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
