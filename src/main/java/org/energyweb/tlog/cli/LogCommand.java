package org.energyweb.tlog.cli;

import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogKeys;
import org.energyweb.tlog.LogProver;
import org.energyweb.tlog.anchor.AnchoredCheckpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code log key|checkpoint|checkpoints|consistency|publish|monitor}: the gateway's transparency log (its key, its checkpoints, its proofs). */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The gateway's transparency log: its Ed25519 log key, its latest signed checkpoint, the anchored ones, consistency proofs.",
        subcommands = {LogCommand.Key.class, LogCommand.CheckpointCommand.class, LogCommand.CheckpointsCommand.class,
                LogCommand.ConsistencyCommand.class, PublishCommand.class,
                org.energyweb.tlog.monitor.cli.MonitorCommand.class})
public class LogCommand {

    final Map<String, String> environment;

    public LogCommand() {
        this(System.getenv());
    }

    /** @param environment where {@value LogKeys#ENVIRONMENT_VARIABLE} is looked up */
    public LogCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs {@code work} printing to the command's streams; a problem becomes one line on stderr and exit 2. */
    public static int run(CommandSpec spec, Callable<String> work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            out.println(work.call());
            return 0;
        } catch (KeystoreException | IllegalArgumentException | IllegalStateException | org.energyweb.ledger.LedgerException
                 | java.io.UncheckedIOException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, subcommands = Key.New.class,
            description = "Prints the log's verifier key (signed-note name+hash+key form; its name is the log's origin).")
    static class Key implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LogCommand log;

        @Option(names = "--data", defaultValue = "data", scope = ScopeType.INHERIT, description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--keystore", paramLabel = "FILE", scope = ScopeType.INHERIT, description = "The log key's keystore (default: log-key.json in the data folder).")
        Path keystore;

        Path keystore() {
            return keystore != null ? keystore : LogKeys.keystoreIn(data);
        }

        @Override
        public Integer call() {
            return run(spec, () -> LogKeys.verifier(keystore()).text());
        }

        @Command(name = "new", mixinStandardHelpOptions = true,
                description = "Creates the log's Ed25519 key, encrypted (V3 keystore, scrypt), and prints its verifier key.")
        static class New implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @ParentCommand
            Key key;

            @Option(names = "--origin", required = true, paramLabel = "NAME",
                    description = "The log's name, its checkpoints' origin line: by tlog-tiles a URL prefix of the log without scheme,"
                            + " e.g. gateway.example.org/log.")
            String origin;

            @Option(names = "--password-file", paramLabel = "FILE",
                    description = "File whose first line is the password; default: the " + LogKeys.ENVIRONMENT_VARIABLE + " variable.")
            Path passwordFile;

            @Option(names = "--light", description = "Light scrypt parameters, for development keys only.")
            boolean light;

            @Override
            public Integer call() {
                return run(spec, () -> {
                    char[] password = KeyPassword.resolve(passwordFile, LogKeys.ENVIRONMENT_VARIABLE, key.log.environment);
                    try {
                        return LogKeys.create(key.keystore(), password, origin, light ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD)
                                .text();
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                });
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Prints the log's latest signed checkpoint (a C2SP tlog-checkpoint as a signed note).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "2:no checkpoint signed yet, or the folder cannot be read"})
    static class CheckpointCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            return run(spec, () -> {
                String note = LedgerLog.latestCheckpoint(data).orElseThrow(() -> new IllegalStateException(
                        "no checkpoint in " + data + " yet: a gateway signs them with the transparency-log-source route")).encoded();
                // The note ends in a newline already; println adds none of its own to a signed note's bytes.
                return note.substring(0, note.length() - 1);
            });
        }
    }

    @Command(name = "checkpoints", mixinStandardHelpOptions = true,
            description = "Lists every checkpoint the gateway anchored (confirmed anchorCheckpoint transactions), by size: size, root,"
                    + " CID of the signed note, transaction and block; with --json as a JSON array.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed (none anchored: nothing, or [])", "2:the folder cannot be read"})
    static class CheckpointsCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--json", description = "Print a JSON array: [{size, root, origin, cid, chainId, contract, from, transaction, block, blockHash}].")
        boolean json;

        @Override
        public Integer call() {
            return run(spec, () -> {
                List<AnchoredCheckpoints.Anchored> anchored = AnchoredCheckpoints.read(data);
                if (json) {
                    return AnchoredCheckpoints.json(anchored);
                }
                return anchored.stream().map(c -> "size " + c.size() + " root " + HexFormat.of().formatHex(c.root()) + " cid " + c.cid()
                        + " tx " + c.transaction() + " block " + c.block()).collect(Collectors.joining("\n"));
            });
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true,
            description = "Prints the RFC 9162 consistency proof between two tree sizes of the log as JSON:"
                    + " {\"old\":{\"size\",\"root\"},\"new\":{\"size\",\"root\"},\"proof\":[hex...]}.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "2:no such tree size, or the folder cannot be read"})
    static class ConsistencyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--old", required = true, paramLabel = "N", description = "The older tree size.")
        long oldSize;

        @Option(names = "--new", paramLabel = "M", description = "The newer tree size (default: the latest signed checkpoint's).")
        Long newSize;

        @Override
        public Integer call() {
            return run(spec, () -> new LogProver(data).consistency(oldSize, Optional.ofNullable(newSize)).json());
        }
    }
}
