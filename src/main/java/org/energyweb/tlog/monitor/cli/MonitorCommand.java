package org.energyweb.tlog.monitor.cli;

import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.monitor.LogMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code log monitor URL}: one look at a log served over HTTP, against what this monitor saw before. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Fetches a log's checkpoint and tiles from URL (C2SP tlog-tiles paths, e.g. http://gateway:9876/log/), checks the log key's"
                + " signature, that the tiles give its root, and that it extends the checkpoint seen last time (RFC 9162 consistency"
                + " proof from the tiles); a split view or shrunk log is reported.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:consistent (and remembered)", "1:inconsistent, unsigned or not matching its tiles (named on stderr)",
                "2:the log could not be reached or the options are wrong"})
public class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The log's URL prefix (where checkpoint and tile/ are).")
    URI url;

    @Option(names = "--log-key", required = true, paramLabel = "VKEY|FILE", description = "The log's verifier key (name+hash+key), or a file holding it.")
    String logKey;

    @Option(names = "--state", defaultValue = "monitor-state", paramLabel = "DIR",
            description = "Where the last accepted checkpoint is kept between runs (default: ${DEFAULT-VALUE}).")
    Path state;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LogMonitor.Report report = new LogMonitor(url, verifier(), state).check();
            (report.consistent() ? out : err).println((report.consistent() ? "OK: " : "INCONSISTENT: ") + report.message());
            return report.consistent() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("log monitor: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private NoteVerifier verifier() {
        if (logKey.contains("+")) {
            return NoteVerifier.parse(logKey);
        }
        try {
            return NoteVerifier.parse(Files.readString(Path.of(logKey), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log key " + logKey, e);
        }
    }
}
