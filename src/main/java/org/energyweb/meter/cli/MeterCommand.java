package org.energyweb.meter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energyweb meter ...}: tools for the meters a gateway reads. */
@Command(name = "meter", mixinStandardHelpOptions = true,
        description = "Inspect energy meters.",
        subcommands = ProbeCommand.class)
public class MeterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand, e.g. probe");
    }
}
