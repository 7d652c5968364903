package org.energyweb.ipfs.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerException;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ipfs.store.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energyweb ipfs sync --data DIR --api URL}: pushes what waits for the node, in order: the
 * ledger's readings not yet stored on IPFS (recording each as stored, with its CID), then the
 * documents a route kept in DIR/ipfs-pending.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Adds and pins on the IPFS node, in ledger order, every reading of the ledger in DIR not yet stored there, "
                + "then the documents waiting in DIR/" + IpfsSyncCommand.PENDING_FOLDER
                + ", checking each CID. Stop the gateway first (it owns the data folder and drains the same queue itself). "
                + "The credential, if any, comes from the environment variable " + IpfsSyncCommand.AUTH_ENV + ".",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:nothing is pending any more", "1:documents remain (node unreachable or misbehaving)",
            "2:bad command line, unsafe URL or unreadable folder"})
public final class IpfsSyncCommand implements Callable<Integer> {

    /** The block store's folder inside the data folder. */
    public static final String PENDING_FOLDER = "ipfs-pending";
    public static final String AUTH_ENV = "ENERGYWEB_IPFS_AUTH";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder.")
    private Path data;

    @Option(names = "--api", paramLabel = "URL", defaultValue = "http://127.0.0.1:5001", description = "The node's RPC API (default: ${DEFAULT-VALUE}).")
    private String api;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Seconds one call may take (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--allow-insecure", description = "Allow plain http to a node that is not on loopback.")
    private boolean allowInsecure;

    @Override
    public Integer call() {
        Path pending = data.resolve(PENDING_FOLDER);
        if (!Files.isDirectory(data)) {
            spec.commandLine().getErr().println("no data folder " + data);
            return CidCommand.IO_OR_USAGE_ERROR;
        }
        IpfsClient client;
        try {
            client = new IpfsClient(new IpfsClientConfig(URI.create(api), null, Duration.ofSeconds(timeoutSeconds), null,
                    System.getenv(AUTH_ENV), allowInsecure, IpfsClientConfig.DEFAULT_MAX_SIZE));
        } catch (IpfsException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CidCommand.IO_OR_USAGE_ERROR;
        }
        IpfsSync sync = new IpfsSync(new LocalBlockStore(pending), client);
        if (Files.exists(data.resolve("ledger.db"))) {
            try (Ledger ledger = Ledger.open(data)) {
                LedgerSync ledgerSync = new LedgerSync(ledger, sync);
                ledgerSync.run();
                spec.commandLine().getOut().printf("ledger: stored %d reading(s), %d still pending%s%n", ledgerSync.stored(),
                        ledgerSync.remaining(), ledgerSync.stoppedBy().map(reason -> " (stopped: " + reason + ")").orElse(""));
                if (ledgerSync.remaining() > 0) {
                    return 1;
                }
            } catch (LedgerException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return CidCommand.IO_OR_USAGE_ERROR;
            }
        }
        SyncReport report = sync.syncPending();
        spec.commandLine().getOut().printf("pending folder: pushed %d, rejected %d, remaining %d%s%n", report.pushed(), report.rejected(),
                report.remaining(), report.stoppedBy().map(reason -> " (stopped: " + reason + ")").orElse(""));
        return report.remaining() == 0 ? 0 : 1;
    }
}
