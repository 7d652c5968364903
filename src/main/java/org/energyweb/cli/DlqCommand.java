package org.energyweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.DeadLetters;
import org.energyweb.ledger.Ledger;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "The dead-letter store: input that could not become a reading, with its reason.",
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
class DlqCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or replay");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists dead letters, newest first: id, time, meter, source, payload size, replayed as, reason. "
                    + "Reads without locking the folder, so a gateway may be running.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed", "2:usage or I/O error (no ledger)"})
    static class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--json", description = "Print a JSON array, each payload in base64.")
        boolean json;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many, newest first (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
            }
            List<DeadLetter> letters = DeadLetters.list(data, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (DeadLetter letter : letters) {
                    ObjectNode node = array.addObject()
                            .put("id", letter.id())
                            .put("time", letter.recordedAt().toString())
                            .put("meter", letter.meter())
                            .put("source", letter.source())
                            .put("reason", letter.reason())
                            .put("payloadSize", letter.payloadSize())
                            .put("payload", letter.payload())
                            .put("hop", letter.hop())
                            .put("position", letter.position());
                    if (letter.replayed() == null) {
                        node.putNull("replayed");
                    } else {
                        node.putObject("replayed").put("time", letter.replayed().at().toString())
                                .put("meter", letter.replayed().meter()).put("seq", letter.replayed().seq());
                    }
                }
                out.println(mapper.writeValueAsString(array));
            } else {
                out.printf("%-8s %-24s %-16s %-28s %8s %-16s %s%n", "ID", "TIME", "METER", "SOURCE", "PAYLOAD", "REPLAYED AS", "REASON");
                for (DeadLetter letter : letters) {
                    out.printf("%-8d %-24s %-16s %-28s %8d %-16s %s%n", letter.id(), letter.recordedAt(), orDash(letter.meter()),
                            letter.source(), letter.payloadSize(),
                            letter.replayed() == null ? "-" : letter.replayed().meter() + "#" + letter.replayed().seq(), letter.reason());
                }
                out.printf("%d dead letter(s) shown%n", letters.size());
            }
            out.flush();
            return EnergywebCommand.OK;
        }

        private static String orDash(String text) {
            return text == null ? "-" : text;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Appends dead letters whose payload is measurement JSON to the ledger, marking each with the reading "
                    + "it became; a replayed letter is never appended again. Others stay, with the reason printed.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every letter asked for is replayed (now or before)", "1:some could not become readings",
                    "2:usage or I/O error (no ledger, unknown id, folder in use)"})
    static class ReplayCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static class Which {
            @Option(names = "--id", description = "Replay this dead letter.")
            Long id;

            @Option(names = "--all", description = "Replay every dead letter not yet replayed, oldest first.")
            boolean all;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(data.resolve("ledger.db"))) {
                throw new CliError("no ledger in " + data.toAbsolutePath());
            }
            List<DeadLetters.Replay> replays;
            try (Ledger ledger = Ledger.open(data)) {
                replays = which.all ? ledger.deadLetters().replayAll() : List.of(ledger.deadLetters().replay(which.id));
            }
            PrintWriter out = spec.commandLine().getOut();
            int[] counts = new int[DeadLetters.Replay.Outcome.values().length];
            for (DeadLetters.Replay replay : replays) {
                counts[replay.outcome().ordinal()]++;
                switch (replay.outcome()) {
                    case REPLAYED -> out.printf("replayed %d as %s#%d%s%n", replay.id(), replay.meter(), replay.seq(),
                            replay.reason() == null ? "" : " (" + replay.reason() + ")");
                    case ALREADY_REPLAYED -> out.printf("already replayed %d as %s#%d%n", replay.id(), replay.meter(), replay.seq());
                    case NOT_REPLAYABLE -> out.printf("not replayed %d: %s%n", replay.id(), replay.reason());
                }
            }
            int failed = counts[DeadLetters.Replay.Outcome.NOT_REPLAYABLE.ordinal()];
            out.printf("%d replayed, %d already replayed, %d not replayable%n",
                    counts[DeadLetters.Replay.Outcome.REPLAYED.ordinal()], counts[DeadLetters.Replay.Outcome.ALREADY_REPLAYED.ordinal()], failed);
            out.flush();
            return failed == 0 ? EnergywebCommand.OK : EnergywebCommand.CHECK_FAILED;
        }
    }
}
