package org.energyweb.batch.cli;

import org.energyweb.batch.BatchProver;
import org.energyweb.batch.NotAnchoredException;
import org.energyweb.fleet.gateway.FleetResults;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Prints the proof (JSON) that a reading, or one of its fields, is in an anchored Merkle batch.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the proof is printed", "2:the reading is not anchored yet, does not exist, or the folder cannot be read"})
public class ProveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--meter", required = true, description = "The reading's meter id.")
    String meter;

    @Option(names = "--seq", required = true, description = "The reading's sequence number in its meter's chain.")
    long seq;

    @Option(names = "--field", description = "Prove only this field (batches anchored with field-root leaves).")
    String field;

    /** From the gateway's own batches, else from what a fleet's anchor service sent back for the reading. */
    private Proof prove() {
        try {
            return new BatchProver(data).prove(meter, seq, field);
        } catch (NotAnchoredException notInABatch) {
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

    @Override
    public Integer call() {
        try {
            String proof = ProofJson.write(prove());
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
}
