package org.energyweb.tlog;

import org.energyweb.ledger.CrashingWriter;
import org.energyweb.ledger.Ledger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A gateway-like process that appends readings from several meters as fast as it can, with the log
 * following the ledger, and signs a checkpoint whenever the log grew, printing "ack" per committed
 * reading and "checkpoint <base64 note>" per checkpoint, until {@link LedgerLogCrashTest} kills it.
 */
public final class LoggingCrashWriter {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int meters = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Ledger ledger = Ledger.open(data);
        LedgerLog log = LedgerLog.open(ledger);
        CrashingWriter.appendForever(ledger, meters, "log-crash-test", entry -> {
            synchronized (out) {
                out.println("ack");
                out.flush();
            }
        });
        long signed = -1;
        while (true) {
            log.awaitSize(signed + 1);
            SignedNote note = log.checkpoint(LedgerLogTest.KEY);
            signed = Checkpoint.parse(note.text()).size();
            synchronized (out) {
                out.println("checkpoint " + Base64.getEncoder().encodeToString(note.encoded().getBytes(StandardCharsets.UTF_8)));
                out.flush();
            }
        }
    }
}
