package org.energyweb.migrate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code migrate}: brings what an ew-link-bond installation kept into Energyweb. */
@Command(name = "migrate", mixinStandardHelpOptions = true, subcommands = {BondStoreCommand.class, BondConfigCommand.class},
        description = "Import from the original Python energyweb (ew-link-bond).")
public class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: bond-store or bond-config");
    }
}
