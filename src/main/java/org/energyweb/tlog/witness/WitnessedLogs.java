package org.energyweb.tlog.witness;

import org.energyweb.reading.Sha256;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.DurableFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a witness has cosigned, per log: the latest cosigned checkpoint's text, one file per origin (named
 * by the origin's SHA-256, as origins contain slashes), written durably before the cosignature leaves the
 * witness (c2sp.org/tlog-witness "add-checkpoint": "The witness MUST persist the new checkpoint before
 * responding"). Losing this folder would let the witness cosign a fork, so it is never rebuilt.
 */
final class WitnessedLogs {

    private final DurableFiles files;

    WitnessedLogs(Path directory) {
        this.files = new DurableFiles(directory);
    }

    Optional<Checkpoint> latest(String origin) {
        return files.read(fileOf(origin)).map(bytes -> Checkpoint.parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    void record(Checkpoint cosigned) {
        files.write(fileOf(cosigned.origin()), cosigned.text().getBytes(StandardCharsets.UTF_8));
        files.sync();
    }

    private static String fileOf(String origin) {
        return Sha256.hex(Sha256.digest(origin.getBytes(StandardCharsets.UTF_8)));
    }
}
