package org.energyweb.ledger;

import org.energyweb.reading.Measurement;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A process that appends as fast as it can from several meters and prints "meter seq sha256" for
 * each append that returned, until it is killed. {@link LedgerCrashTest} kills it with SIGKILL.
 */
public final class CrashingWriter {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int meters = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, false);
        appendForever(Ledger.open(data), meters, "crash-test", entry -> {
            synchronized (out) {
                out.println(entry.meter() + " " + entry.seq() + " " + entry.document().sha256Hex());
                out.flush();
            }
        });
    }

    /** Starts one thread per meter ("crash-N") appending as fast as it can, telling {@code acknowledge} of each commit. */
    public static void appendForever(Ledger ledger, int meters, String source, Consumer<LedgerEntry> acknowledge) {
        for (int m = 0; m < meters; m++) {
            String meter = "crash-" + m;
            Thread writer = new Thread(() -> {
                long energy = ledger.head(meter).map(h -> h.energyWh()).orElse(0L);
                // A meter's times must rise; a past start and a millisecond per append never run ahead of the clock.
                Instant time = ledger.head(meter).map(h -> h.time()).orElse(START);
                try {
                    while (true) {
                        energy += 7;
                        time = time.plusMillis(1);
                        // Several appends in flight per meter, like a busy gateway; each acknowledged once committed.
                        CompletableFuture<LedgerEntry> append = ledger.append(Measurement.of(meter, time, energy, source));
                        append.thenAccept(acknowledge);
                    }
                } catch (RuntimeException e) {
                    // A writer that cannot append any more ends the process, so the test reads the end of its output instead of waiting.
                    e.printStackTrace();
                    Runtime.getRuntime().halt(3);
                }
            });
            writer.start();
        }
    }
}
