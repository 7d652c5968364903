package org.energyweb.ipfs.cid;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CID computation throughput next to plain SHA-256 of the same bytes. Run with
 * {@code mvn -Pbench test -Dtest=CidThroughputBenchmark}. The target: at least half of SHA-256's speed.
 */
@Tag("bench")
class CidThroughputBenchmark {

    private static final int BUFFER = 1 << 20;
    private static final int MEBIBYTES = 256;
    private static final int ROUNDS = 5;

    private final byte[] data = new byte[BUFFER];

    CidThroughputBenchmark() {
        new Random(1).nextBytes(data);
    }

    @Test
    void cidIsAtLeastHalfAsFastAsSha256() {
        double sha = 0;
        double v0 = 0;
        double v1 = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // the best of several rounds: the first ones warm up the JIT, others may share the CPU
            sha = Math.max(sha, megabytesPerSecond(this::sha256));
            v0 = Math.max(v0, megabytesPerSecond(() -> cid(UnixFsOptions.forCidVersion(0))));
            v1 = Math.max(v1, megabytesPerSecond(() -> cid(UnixFsOptions.forCidVersion(1))));
        }
        System.out.printf("%d MiB: SHA-256 %.0f MB/s, CIDv0 %.0f MB/s (%.0f%%), CIDv1 raw leaves %.0f MB/s (%.0f%%)%n",
                MEBIBYTES, sha, v0, 100 * v0 / sha, v1, 100 * v1 / sha);

        assertThat(v0).isGreaterThanOrEqualTo(sha / 2);
        assertThat(v1).isGreaterThanOrEqualTo(sha / 2);
    }

    private double megabytesPerSecond(Runnable work) {
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return MEBIBYTES * (double) BUFFER / 1e6 / seconds;
    }

    private void sha256() {
        MessageDigest sha256 = Multihash.newSha256();
        for (int i = 0; i < MEBIBYTES; i++) {
            sha256.update(data);
        }
        sha256.digest();
    }

    private void cid(UnixFsOptions options) {
        UnixFsFileBuilder builder = new UnixFsFileBuilder(options);
        for (int i = 0; i < MEBIBYTES; i++) {
            builder.write(data, 0, data.length);
        }
        builder.finish();
    }
}
