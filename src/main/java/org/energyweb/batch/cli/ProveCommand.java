package org.energyweb.batch.cli;

import org.energyweb.batch.BatchProver;
import org.energyweb.batch.NotAnchoredException;
import org.energyweb.fleet.gateway.FleetResults;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerLookup;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.tlog.proof.AnchoredLogProver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Prints the proof (JSON) that a reading, or one of its fields, is in an anchored Merkle batch; with --log, that it"
                + " is in the gateway's transparency log at its latest anchored checkpoint holding it (or at --size N), with that"
                + " checkpoint and its anchor.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the proof is printed", "2:the reading is not anchored (or logged) yet, does not exist, or the folder cannot be read"})
public class ProveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--meter", description = "The reading's meter id (with --seq).")
    String meter;

    @Option(names = "--seq", description = "The reading's sequence number in its meter's chain (with --meter).")
    Long seq;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The reading's document SHA-256 (with --log), instead of --meter and --seq.")
    String sha256;

    @Option(names = "--field", description = "Prove only this field (batches anchored with field-root leaves).")
    String field;

    @Option(names = "--log", description = "Prove the reading's inclusion in the transparency log (RFC 9162) instead of its Merkle batch.")
    boolean log;

    @Option(names = "--size", paramLabel = "N", description = "With --log: prove against the log's tree of N leaves instead of its latest"
            + " anchored checkpoint; the proof carries the checkpoint kept for that size (under DATA/log/checkpoints/) if there is one, else none,"
            + " and its anchor, or \"anchor\":null (with a note on stderr) when that checkpoint is not anchored.")
    Long size;

    @Override
    public Integer call() {
        try {
            String proof = ProofJson.write(log ? proveInLog() : proveInBatch());
            spec.commandLine().getOut().println(proof);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NotAnchoredException | IllegalArgumentException | IllegalStateException | org.energyweb.ledger.LedgerException
                 | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("energyweb prove: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
    }

    private Proof proveInBatch() {
        if (meter == null || seq == null || sha256 != null || size != null) {
            throw new IllegalArgumentException("a batch proof names its reading with --meter and --seq (--sha256 and --size need --log)");
        }
        try {
            return new BatchProver(data).prove(meter, seq, field);
        } catch (NotAnchoredException notInABatch) {
            // From the gateway's own batches, else from what a fleet's anchor service sent back for the reading.
            if (field != null) {
                throw notInABatch;
            }
            try {
                return FleetResults.proof(data, meter, seq);
            } catch (NotAnchoredException notByTheService) {
                throw notInABatch;
            }
        }
    }

    private Proof proveInLog() {
        if (field != null) {
            throw new IllegalArgumentException("the transparency log proves whole documents; --field is for field-root batches");
        }
        LedgerLookup ledger = new LedgerLookup(data);
        LedgerEntry entry;
        if (sha256 != null && meter == null && seq == null) {
            if (!sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("--sha256 takes 64 hexadecimal digits");
            }
            entry = ledger.findBySha256(HexFormat.of().parseHex(sha256.toLowerCase()))
                    .orElseThrow(() -> new IllegalArgumentException("no reading with document SHA-256 " + sha256 + " in " + data));
        } else if (sha256 == null && meter != null && seq != null) {
            entry = ledger.find(meter, seq).orElseThrow(() -> new IllegalArgumentException("no reading " + meter + "#" + seq + " in " + data));
        } else {
            throw new IllegalArgumentException("name the reading with --meter and --seq, or with --sha256");
        }
        AnchoredLogProver.Proved proved = new AnchoredLogProver(data).prove(entry, ledger.indexOf(entry), Optional.ofNullable(size));
        proved.note().ifPresent(note -> spec.commandLine().getErr().println("energyweb prove: note: " + note));
        return proved.proof();
    }
}
