package org.energyweb.ipfs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code energyweb cid FILE [--cid-version 0|1]}: the CID {@code ipfs add} would give a file, computed offline. */
@Command(name = "cid", mixinStandardHelpOptions = true,
        description = "Prints the CID that 'ipfs add' gives FILE, computed offline (256 KiB chunks, balanced layout).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the CID was printed", "2:FILE cannot be read, or the command line is wrong"})
public final class CidCommand implements Callable<Integer> {

    static final int IO_OR_USAGE_ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file, read as a stream (any size).")
    private Path file;

    @Option(names = "--cid-version", paramLabel = "0|1", defaultValue = "0",
            description = "0 (default, Qm..., as ipfs add) or 1 (raw leaves, base32: bafkrei... up to 256 KiB, bafybei... above).")
    private int cidVersion;

    @Override
    public Integer call() {
        if (cidVersion != 0 && cidVersion != 1) {
            throw new ParameterException(spec.commandLine(), "--cid-version must be 0 or 1, not " + cidVersion);
        }
        try {
            spec.commandLine().getOut().println(UnixFs.cidOf(file, UnixFsOptions.forCidVersion(cidVersion)));
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read " + file + ": " + e);
            return IO_OR_USAGE_ERROR;
        }
    }
}
