package org.energyweb.tlog.cli;

import org.energyweb.ipfs.cli.IpfsSyncCommand;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.tlog.ipfs.LogPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code log publish}: the log's tiles and checkpoints as a UnixFS directory on IPFS. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes the log as of its latest checkpoint to IPFS as one UnixFS directory laid out as C2SP tlog-tiles"
                + " (checkpoint, tile/..., checkpoints/<size>), pins it and prints its root CID: a gateway URL .../ipfs/<CID>/ is then a"
                + " log URL for `log monitor`. Each publish is a snapshot with a new root; full tiles keep their CIDs across publishes."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:published", "2:no checkpoint yet, the log cannot be read or the IPFS node cannot take it"})
public class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--ipfs", paramLabel = "URL", defaultValue = "http://127.0.0.1:5001",
            description = "The IPFS node's RPC API (default: ${DEFAULT-VALUE}); its credential, if any, from the environment variable "
                    + IpfsSyncCommand.AUTH_ENV + ".")
    String ipfs;

    @Option(names = "--allow-insecure", description = "Accept plain http to an IPFS node that is not on loopback.")
    boolean allowInsecure;

    @Option(names = "--json", description = "Print {\"cid\":\"<root CID>\",\"size\":<tree size>,\"files\":<count>}.")
    boolean json;

    @Override
    public Integer call() {
        return LogCommand.run(spec, () -> {
            try {
                IpfsClient node = new IpfsClient(new IpfsClientConfig(URI.create(ipfs), null, null, null,
                        System.getenv(IpfsSyncCommand.AUTH_ENV), allowInsecure, IpfsClientConfig.DEFAULT_MAX_SIZE));
                LogPublisher.Published published = new LogPublisher(node).publish(data);
                return json ? published.json() : published.root().toString();
            } catch (IpfsException e) {
                // a refused URL, the node's refusal or absence: one line and exit 2, like the log's own problems
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
