package org.energyweb.meter.sml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The recorded SML streams of src/test/resources/sml, split into their files as a meter sends them. */
public final class SmlStreams {

    public static final String ISKRA_MT691 = "ISKRA_MT691_eHZ-MS2020.bin";
    private static final byte[] FILE_END = {0x1B, 0x1B, 0x1B, 0x1B, 0x1A};

    private SmlStreams() {
    }

    /** The whole SML files of the recording, each from its start escape to its CRC. */
    public static List<byte[]> files(String name) {
        byte[] stream;
        try (InputStream in = SmlStreams.class.getResourceAsStream("/sml/" + name)) {
            stream = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> files = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + FILE_END.length <= stream.length; i++) {
            if (Arrays.equals(stream, i, i + FILE_END.length, FILE_END, 0, FILE_END.length)) {
                // 1B1B1B1B 1A, the padding count and the two CRC bytes close the file.
                files.add(Arrays.copyOfRange(stream, start, i + 8));
                start = i + 8;
            }
        }
        return files;
    }

    /** The file with the bytes {@code original} (hex) replaced once by {@code replacement}, as a noisy optical link does. */
    public static byte[] corrupted(byte[] file, String original, String replacement) {
        String hex = HexFormat.of().formatHex(file);
        if (!hex.contains(original)) {
            throw new IllegalArgumentException("file has no " + original);
        }
        return HexFormat.of().parseHex(hex.replaceFirst(original, replacement));
    }
}
