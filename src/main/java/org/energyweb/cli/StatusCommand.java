package org.energyweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ledger.LedgerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per meter and in total: readings in each state of each hop (none recorded = pending), the oldest pending "
                + "reading per hop, dead letters and the last anchored block. Reads without locking, so a gateway may be running.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:status printed", "2:usage or I/O error (no ledger)"})
class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LedgerStatus status = LedgerStatus.read(data);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(status)));
        } else {
            print(status, out);
        }
        out.flush();
        return EnergywebCommand.OK;
    }

    private static ObjectNode toJson(LedgerStatus status) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("time", status.time().toString());
        ObjectNode total = root.putObject("total").put("readings", status.total().readings());
        ObjectNode totalHops = total.putObject("hops");
        status.total().hops().forEach((hop, states) -> {
            ObjectNode node = totalHops.putObject(hop);
            putStates(node.putObject("states"), states);
            LedgerStatus.OldestPending oldest = status.oldestPending().get(hop);
            if (oldest == null) {
                node.putNull("oldestPending");
            } else {
                node.putObject("oldestPending")
                        .put("meter", oldest.meter())
                        .put("seq", oldest.seq())
                        .put("position", oldest.position())
                        .put("appendedAt", oldest.appendedAt().toString())
                        .put("ageSeconds", oldest.age(status.time()).toMillis() / 1000.0);
            }
        });
        ObjectNode meters = root.putObject("meters");
        status.meters().forEach((meter, counts) -> {
            ObjectNode node = meters.putObject(meter).put("readings", counts.readings());
            ObjectNode hops = node.putObject("hops");
            counts.hops().forEach((hop, states) -> putStates(hops.putObject(hop), states));
        });
        root.putObject("deadLetters").put("total", status.deadLetters()).put("unreplayed", status.unreplayedDeadLetters());
        if (status.lastAnchoredBlock() == null) {
            root.putNull("lastAnchoredBlock");
        } else {
            root.put("lastAnchoredBlock", status.lastAnchoredBlock());
        }
        return root;
    }

    private static void putStates(ObjectNode node, Map<String, Long> states) {
        states.forEach(node::put);
    }

    private void print(LedgerStatus status, PrintWriter out) {
        out.printf("%s: %s of %s (at %s)%n", data.toAbsolutePath(), Plural.of(status.total().readings(), "reading"),
                Plural.of(status.meters().size(), "meter"), status.time());
        status.total().hops().forEach((hop, states) -> {
            LedgerStatus.OldestPending oldest = status.oldestPending().get(hop);
            out.printf("  hop %-8s %s%s%n", hop, states(states), oldest == null ? ""
                    : String.format("; oldest pending %s#%d, %s old", oldest.meter(), oldest.seq(), age(oldest, status)));
        });
        out.printf("  dead letters: %d (%d not replayed)%n", status.deadLetters(), status.unreplayedDeadLetters());
        out.printf("  last anchored block: %s%n", status.lastAnchoredBlock() == null ? "none" : status.lastAnchoredBlock());
        status.meters().forEach((meter, counts) -> {
            StringJoiner hops = new StringJoiner("; ");
            counts.hops().forEach((hop, states) -> hops.add(hop + " " + states(states)));
            out.printf("  meter %s: %d readings%s%n", meter, counts.readings(), hops.length() == 0 ? "" : "; " + hops);
        });
    }

    private static String states(Map<String, Long> states) {
        StringJoiner joined = new StringJoiner(", ");
        states.forEach((state, count) -> joined.add(state + " " + count));
        return joined.toString();
    }

    private static String age(LedgerStatus.OldestPending oldest, LedgerStatus status) {
        long seconds = oldest.age(status.time()).toSeconds();
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
