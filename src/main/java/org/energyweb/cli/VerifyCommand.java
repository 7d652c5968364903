package org.energyweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ledger.ChainProblem;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recomputes every document hash and chain link of the ledger; names meter, seq and reason of every problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the ledger verifies", "1:a chain is tampered with or broken", "2:usage or I/O error (no ledger, unreadable file)"})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        VerifyReport report = LedgerVerifier.verify(data);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode()
                    .put("ok", report.ok())
                    .put("documents", report.documents())
                    .put("meters", report.meters());
            ArrayNode problems = result.putArray("problems");
            for (ChainProblem problem : report.problems()) {
                problems.addObject().put("meter", problem.meter()).put("seq", problem.seq()).put("reason", problem.reason());
            }
            out.println(mapper.writeValueAsString(result));
        } else {
            for (ChainProblem problem : report.problems()) {
                out.println("TAMPERED " + problem);
            }
            out.printf("%s: %d documents of %d meters checked, %d problem(s)%n",
                    report.ok() ? "OK" : "FAILED", report.documents(), report.meters(), report.problems().size());
        }
        out.flush();
        return report.ok() ? EnergywebCommand.OK : EnergywebCommand.CHECK_FAILED;
    }
}
