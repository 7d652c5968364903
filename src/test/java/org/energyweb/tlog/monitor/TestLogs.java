package org.energyweb.tlog.monitor;

import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TileLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Log folders for monitor tests: real tiles (TileLog) of leaves "prefix i" and a checkpoint signed with a given key. */
final class TestLogs {

    private TestLogs() {
    }

    /** The log in {@code folder} grown to {@code size} leaves "{@code prefix} i", with its checkpoint signed by {@code key} written beside its tiles. */
    static TileLog grow(TileLog tiles, Path folder, String prefix, int size, NoteSigner key) throws IOException {
        for (long i = tiles.size(); i < size; i++) {
            tiles.append((prefix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        tiles.commit();
        Files.writeString(folder.resolve("checkpoint"), checkpoint(tiles, key).encoded());
        return tiles;
    }

    /** A new log in {@code folder} of {@code size} leaves; see {@link #grow}. */
    static TileLog log(Path folder, String prefix, int size, NoteSigner key) throws IOException {
        return grow(TileLog.open(folder), folder, prefix, size, key);
    }

    /** The log's checkpoint at its current size, named after the key, signed by it. */
    static SignedNote checkpoint(TileLog tiles, NoteSigner key) {
        return SignedNote.sign(new Checkpoint(key.name(), tiles.size(), tiles.root()).text(), key);
    }

    static byte[] seed(int first) {
        byte[] seed = new byte[32];
        seed[0] = (byte) first;
        return seed;
    }
}
