package org.energyweb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code energyweb}: the gateway's command line. Exit codes: 0 success, 1 a check failed, 2 a usage
 * or I/O error (always with a one-line reason on stderr, never a bare stack trace).
 */
@Command(name = "energyweb", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns energy-meter readings into tamper-evident, publicly anchored records.",
        subcommands = {RunCommand.class, DemoCommand.class, VerifyCommand.class, ExportCommand.class, DlqCommand.class,
                StatusCommand.class, org.energyweb.ipfs.cli.CidCommand.class, org.energyweb.ipfs.cli.IpfsCommand.class,
                org.energyweb.meter.cli.MeterCommand.class, org.energyweb.chain.cli.KeysCommand.class,
                org.energyweb.chain.cli.ChainCommand.class, org.energyweb.batch.cli.ProveCommand.class,
                org.energyweb.batch.cli.VerifyProofCommand.class, org.energyweb.tlog.cli.LogCommand.class, org.energyweb.tlog.witness.cli.WitnessCommand.class, org.energyweb.migrate.cli.MigrateCommand.class,
                org.energyweb.fleet.cli.AnchorServiceCommand.class,
                CommandLine.HelpCommand.class})
public class EnergywebCommand {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int ERROR = 2;

    public static void main(String[] args) {
        LauncherLogging.apply();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EnergywebCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("energyweb " + cmd.getCommandName() + ": " + Errors.describe(exception));
            return ERROR;
        });
        return commandLine;
    }
}
