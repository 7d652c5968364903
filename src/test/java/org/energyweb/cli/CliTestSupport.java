package org.energyweb.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
public final class CliTestSupport {

    public record Result(int exitCode, String out, String err) {
    }

    private CliTestSupport() {
    }

    public static Result run(String... args) {
        CommandLine cli = EnergywebCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
