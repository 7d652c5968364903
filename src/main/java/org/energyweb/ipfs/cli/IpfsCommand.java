package org.energyweb.ipfs.cli;

import picocli.CommandLine.Command;

/** {@code energyweb ipfs ...}: the IPFS hop's commands. */
@Command(name = "ipfs", mixinStandardHelpOptions = true, description = "Work with the IPFS node that stores reading documents.",
        subcommands = IpfsSyncCommand.class)
public final class IpfsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
