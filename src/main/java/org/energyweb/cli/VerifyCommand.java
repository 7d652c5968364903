package org.energyweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.chain.origin.LedgerReconciliation;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.ledger.ChainProblem;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recomputes every document hash and chain link of the ledger; names meter, seq and reason of every problem. "
                + "With --rpc it also compares each meter's ledger head with the registry's last file hash and the "
                + "LogNewMeterRead history (stop the gateway first: this reads the ledger's outbox states).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the ledger verifies (and matches the chain)", "1:a chain is tampered with or broken, or the chain differs",
            "2:usage or I/O error (no ledger, unreadable file, unreachable node)"})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC URL of the chain to compare with.")
    String rpc;

    @Option(names = "--producing", paramLabel = "ADDR", description = "The producing registry (with --rpc).")
    String producing;

    @Option(names = "--consuming", paramLabel = "ADDR", description = "The consuming registry (with --rpc).")
    String consuming;

    @Option(names = "--allow-insecure", description = "Accept a plain-http --rpc URL to another machine.")
    boolean allowInsecure;

    @Override
    public Integer call() throws Exception {
        VerifyReport report = LedgerVerifier.verify(data);
        List<LedgerReconciliation.Difference> differences = chainDifferences();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode()
                    .put("ok", report.ok())
                    .put("documents", report.documents())
                    .put("meters", report.meters())
                    .put("lateReadings", report.lateReadings());
            ArrayNode problems = result.putArray("problems");
            for (ChainProblem problem : report.problems()) {
                problems.addObject().put("meter", problem.meter()).put("seq", problem.seq()).put("reason", problem.reason());
            }
            if (rpc != null) {
                ArrayNode chain = result.putArray("chainDifferences");
                for (LedgerReconciliation.Difference difference : differences) {
                    chain.addObject().put("meter", difference.meter()).put("seq", difference.seq()).put("reason", difference.reason());
                }
                result.put("ok", report.ok() && differences.isEmpty());
            }
            out.println(mapper.writeValueAsString(result));
        } else {
            for (ChainProblem problem : report.problems()) {
                out.println("TAMPERED " + problem);
            }
            out.printf("%s: %s of %s checked, %s%s%n", report.ok() ? "OK" : "FAILED", Plural.of(report.documents(), "document"),
                    Plural.of(report.meters(), "meter"), Plural.of(report.problems().size(), "problem"),
                    report.lateReadings() == 0 ? "" : " (" + Plural.of(report.lateReadings(), "late reading") + " appended by dlq replay)");
            if (rpc != null) {
                differences.forEach(difference -> out.println("CHAIN DIFFERS " + difference));
                out.printf("%s: the chain %s%n", differences.isEmpty() ? "OK" : "FAILED",
                        differences.isEmpty() ? "holds exactly the ledger's anchored readings, heads included" : "differs in " + differences.size() + " place(s)");
            }
        }
        out.flush();
        return report.ok() && differences.isEmpty() ? EnergywebCommand.OK : EnergywebCommand.CHECK_FAILED;
    }

    private List<LedgerReconciliation.Difference> chainDifferences() {
        if (rpc == null) {
            return List.of();
        }
        List<LedgerReconciliation.Contract> contracts = new ArrayList<>();
        if (producing != null) {
            contracts.add(new LedgerReconciliation.Contract(Registry.PRODUCING, producing));
        }
        if (consuming != null) {
            contracts.add(new LedgerReconciliation.Contract(Registry.CONSUMING, consuming));
        }
        if (contracts.isEmpty()) {
            throw new CliError("--rpc needs --producing and/or --consuming: the registries to compare with");
        }
        Eth eth = new Eth(JsonRpcClient.connect(rpc, allowInsecure, Duration.ofSeconds(30)));
        try (Ledger ledger = Ledger.open(data)) {
            return LedgerReconciliation.compare(ledger, eth, contracts);
        }
    }
}
