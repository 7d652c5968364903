package org.energyweb.tlog.witness.cli;

import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.cli.LogCommand;
import org.energyweb.tlog.witness.Cosigner;
import org.energyweb.tlog.witness.Witness;
import org.energyweb.tlog.witness.WitnessKeys;
import org.energyweb.tlog.witness.WitnessServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code witness}: runs a c2sp.org/tlog-witness for the given logs until the process is stopped; every
 * cosigned checkpoint is on disk before its cosignature is sent, so a stop at any moment loses nothing.
 * {@code witness key [new]}: the witness's encrypted Ed25519 key and its cosignature verifier key.
 */
@Command(name = "witness", mixinStandardHelpOptions = true, subcommands = WitnessCommand.Key.class,
        description = "Runs a C2SP tlog-witness: cosigns a log's checkpoint only when it is signed by the log and provably extends"
                + " the last one it cosigned (POST /add-checkpoint).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"2:bad key, password, log key or listen address"})
public class WitnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final Map<String, String> environment;

    @Option(names = "--key", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The witness's keystore (its verifier key lies beside it as .vkey).")
    Path key;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File whose first line is the key's password; default: the " + WitnessKeys.ENVIRONMENT_VARIABLE + " variable.")
    Path passwordFile;

    @Option(names = "--listen", defaultValue = "127.0.0.1:7380", paramLabel = "HOST:PORT",
            description = "Where to listen (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Option(names = "--allow-insecure", description = "Listen on a non-loopback address without TLS (behind a TLS proxy or bastion).")
    boolean allowInsecure;

    @Option(names = "--log", paramLabel = "VKEY", description = "The verifier key (name+hash+key) of a log to witness; its name is the log's origin."
            + " Repeat for more logs or keys.")
    List<String> logs = List.of();

    @Option(names = "--state", defaultValue = "witness-state", paramLabel = "DIR",
            description = "Where the latest cosigned checkpoint of each log is kept (default: ${DEFAULT-VALUE}); never delete it.")
    Path state;

    public WitnessCommand() {
        this(System.getenv());
    }

    /** @param environment where {@value WitnessKeys#ENVIRONMENT_VARIABLE} is looked up */
    public WitnessCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        WitnessServer server;
        try {
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("no log to witness: give at least one --log VKEY");
            }
            List<NoteVerifier> logKeys = logs.stream().map(NoteVerifier::parse).toList();
            InetSocketAddress address = address();
            Cosigner cosigner = unlock();
            server = WitnessServer.start(new Witness(cosigner, logKeys, state, Clock.systemUTC()), address);
            out.println("witness " + cosigner.verifier().text() + " listening on " + server.url() + "/add-checkpoint for "
                    + logKeys.stream().map(NoteVerifier::name).distinct().toList());
            out.flush();
        } catch (KeystoreException | IllegalArgumentException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("witness: " + e.getMessage());
            return 2;
        }
        // Serves until the process is stopped (SIGTERM, Ctrl-C): no state is held in memory only.
        new CountDownLatch(1).await();
        return 0;
    }

    Path keyFile() {
        if (key == null) {
            throw new IllegalArgumentException("give the witness key's keystore with --key FILE");
        }
        return key;
    }

    private Cosigner unlock() {
        char[] password = KeyPassword.resolve(passwordFile, WitnessKeys.ENVIRONMENT_VARIABLE, environment);
        try {
            return WitnessKeys.unlock(keyFile(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private InetSocketAddress address() {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen is HOST:PORT, not " + listen);
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(listen.substring(0, colon));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in --listen " + listen);
        }
        if (!host.isLoopbackAddress() && !allowInsecure) {
            throw new IllegalArgumentException("the witness speaks plain HTTP: listen on loopback behind a TLS proxy,"
                    + " or pass --allow-insecure to listen on " + listen);
        }
        return new InetSocketAddress(host, Integer.parseInt(listen.substring(colon + 1)));
    }

    @Command(name = "key", mixinStandardHelpOptions = true, subcommands = Key.New.class,
            description = "Prints the witness's verifier key (name+hash+base64(0x04 || key), the C2SP tlog-cosignature form).")
    static class Key implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        WitnessCommand witness;

        @Override
        public Integer call() {
            return LogCommand.run(spec, () -> WitnessKeys.verifier(witness.key).text());
        }

        @Command(name = "new", mixinStandardHelpOptions = true,
                description = "Creates the witness's Ed25519 key, encrypted (V3 keystore, scrypt), and prints its verifier key.")
        static class New implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @ParentCommand
            Key key;

            @Option(names = "--name", required = true, paramLabel = "NAME",
                    description = "The witness's name, a schema-less URL (tlog-cosignature), e.g. witness.example.org/w1.")
            String name;

            @Option(names = "--light", description = "Light scrypt parameters, for development keys only.")
            boolean light;

            @Override
            public Integer call() {
                WitnessCommand witness = key.witness;
                return LogCommand.run(spec, () -> {
                    char[] password = KeyPassword.resolve(witness.passwordFile, WitnessKeys.ENVIRONMENT_VARIABLE, witness.environment);
                    try {
                        return WitnessKeys.create(witness.keyFile(), password, name, light ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD).text();
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                });
            }
        }
    }
}
