package org.energyweb.ipfs.cid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One-call CIDs of whole files, as {@code ipfs add} would give them. */
public final class UnixFs {

    private static final int READ_BUFFER = 1 << 20;

    private UnixFs() {
    }

    public static Cid cidOf(byte[] data, UnixFsOptions options) {
        UnixFsFileBuilder builder = new UnixFsFileBuilder(options);
        builder.write(data, 0, data.length);
        return builder.finish();
    }

    public static Cid cidOf(InputStream in, UnixFsOptions options) throws IOException {
        UnixFsFileBuilder builder = new UnixFsFileBuilder(options);
        byte[] buffer = new byte[READ_BUFFER];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            builder.write(buffer, 0, read);
        }
        return builder.finish();
    }

    public static Cid cidOf(Path file, UnixFsOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return cidOf(in, options);
        }
    }
}
