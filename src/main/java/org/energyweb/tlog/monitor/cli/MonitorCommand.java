package org.energyweb.tlog.monitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.rpc.RpcException;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.energyweb.ipfs.cli.IpfsSyncCommand;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.monitor.AnchoredCheckpoint;
import org.energyweb.tlog.monitor.AnchoredLogMonitor;
import org.energyweb.tlog.monitor.LogMonitor;
import org.energyweb.tlog.monitor.TileSource;
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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code log monitor URL}: one look at a log served over HTTP, against what this monitor saw before;
 * {@code log monitor --rpc URL ...}: every checkpoint of a log anchored on chain, against each other and the log's tiles.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"With URL: fetches a log's checkpoint and tiles (C2SP tlog-tiles paths, e.g. http://gateway:9876/log/), checks the log key's"
                + " signature, that the tiles give its root, and that it extends the checkpoint seen last time (RFC 9162 consistency"
                + " proof from the tiles); a split view or shrunk log is reported.",
                "With --rpc: walks every checkpoint of the log anchored on the ReadingAnchor contract (LogCheckpointAnchored), in block"
                + " order; fetches each signed note from IPFS by its CID (and computes the CID again), checks the log key's signature,"
                + " that the note's size and root are the anchored ones and that it is consistent with the checkpoints before it and"
                + " with the tiles' checkpoint (RFC 9162 consistency proofs from the tiles)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:consistent (URL mode: and remembered)",
                "1:a checkpoint is inconsistent (a split view), unsigned or wrongly signed, not on IPFS under its CID, or not matching its tiles (named on stderr)",
                "2:the log, chain or IPFS node could not be reached, or the options are wrong"})
public class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "URL", description = "The log's URL prefix (where checkpoint and tile/ are); not with --rpc.")
    URI url;

    @Option(names = {"--key", "--log-key"}, required = true, paramLabel = "VKEY|FILE",
            description = "The log's verifier key (name+hash+key, as `energyweb log key` prints it), or a file holding it.")
    String logKey;

    @Option(names = "--state", defaultValue = "monitor-state", paramLabel = "DIR",
            description = "URL mode: where the last accepted checkpoint is kept between runs (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC URL of a node of the chain the log is anchored on.")
    String rpc;

    @Option(names = "--contract", paramLabel = "ADDR", description = "With --rpc: the ReadingAnchor contract's address.")
    String contract;

    @Option(names = "--log", paramLabel = "ORIGIN", description = "With --rpc: the log's origin (its checkpoints' first line, the key's name).")
    String origin;

    @Option(names = "--submitter", paramLabel = "ADDR",
            description = "With --rpc: only checkpoints anchored by this account (the gateway's), each of which must be the log key's signed"
                    + " checkpoint of the anchored tree. Default: every account's under the origin; anchors that are not the log key's"
                    + " checkpoints are then ignored (anyone may anchor under any origin), its checkpoints must still be consistent.")
    String submitter;

    @Option(names = "--tiles", paramLabel = "DIR|URL",
            description = "With --rpc: the log's tiles and checkpoint: the gateway's DATA/log folder (or a copy) or its URL prefix"
                    + " (also an IPFS gateway's https://HOST/ipfs/<CID>/ of a `log publish` snapshot).")
    String tiles;

    @Option(names = "--ipfs", paramLabel = "URL", defaultValue = "http://127.0.0.1:5001",
            description = "With --rpc: the IPFS node's RPC API holding the notes (default: ${DEFAULT-VALUE}); its credential, if any,"
                    + " from the environment variable " + IpfsSyncCommand.AUTH_ENV + ".")
    String ipfs;

    @Option(names = "--from-block", paramLabel = "N", defaultValue = "0",
            description = "With --rpc: the block to start at (default: ${DEFAULT-VALUE}; the contract's deployment block saves requests).")
    long fromBlock;

    @Option(names = "--allow-insecure", description = "Accept plain http to a log, chain node or IPFS node that is not on loopback.")
    boolean allowInsecure;

    @Option(names = "--json", description = "With --rpc: print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if ((url == null) == (rpc == null)) {
                throw new IllegalArgumentException("give either the log's URL or --rpc (with --contract, --log and --tiles)");
            }
            return url != null ? lookAt(out, err) : walkChain(out, err);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | RpcException | RpcUnreachableException
                 | IpfsException e) {
            err.println("log monitor: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int lookAt(PrintWriter out, PrintWriter err) {
        LogMonitor.Report report = new LogMonitor(TileSource.served(url, allowInsecure), verifier(), state).check();
        (report.consistent() ? out : err).println((report.consistent() ? "OK: " : "INCONSISTENT: ") + report.message());
        return report.consistent() ? 0 : 1;
    }

    private int walkChain(PrintWriter out, PrintWriter err) {
        if (contract == null || origin == null || tiles == null) {
            throw new IllegalArgumentException("--rpc needs --contract, --log and --tiles");
        }
        NoteVerifier key = verifier();
        if (!key.name().equals(origin)) {
            throw new IllegalArgumentException("the key " + key.name() + " is not the key of the log " + origin + " (a log key is named after its origin)");
        }
        TileSource source = tiles.contains("://") ? TileSource.served(URI.create(tiles), allowInsecure) : TileSource.folder(Path.of(tiles));
        IpfsClient node = new IpfsClient(new IpfsClientConfig(URI.create(ipfs), null, null, null, System.getenv(IpfsSyncCommand.AUTH_ENV),
                allowInsecure, IpfsClientConfig.DEFAULT_MAX_SIZE));
        Eth eth = new Eth(JsonRpcClient.connect(rpc, allowInsecure, Duration.ofSeconds(30)));
        List<AnchoredCheckpoint> anchored = AnchoredCheckpoint.read(eth, contract, origin, Optional.ofNullable(submitter), fromBlock);
        AnchoredLogMonitor.Report report = new AnchoredLogMonitor(source, key, node).check(anchored, submitter != null);
        if (json) {
            out.println(json(report));
        } else {
            report.ignored().forEach(ignored -> out.println("IGNORED (not the log key's checkpoint): " + ignored.message()));
            if (report.finding().isPresent()) {
                err.println("INCONSISTENT: " + report.finding().get().message());
                err.println(report.consistent().size() + " anchored checkpoint(s) before it were consistent");
            } else {
                out.println("OK: " + summary(report));
            }
        }
        return report.finding().isPresent() ? 1 : 0;
    }

    private String summary(AnchoredLogMonitor.Report report) {
        Checkpoint head = report.head().orElseThrow();
        List<AnchoredCheckpoint> checked = report.consistent();
        String sizes = checked.isEmpty() ? "" : " (sizes " + checked.get(0).size() + " to " + checked.get(checked.size() - 1).size()
                + ", blocks " + checked.get(0).block() + " to " + checked.get(checked.size() - 1).block() + ")";
        return checked.size() + " checkpoint(s) of " + origin + " anchored on " + contract + sizes + " are on IPFS under their CIDs,"
                + " signed by the log key and consistent with each other and with the tiles' checkpoint of size " + head.size();
    }

    private String json(AnchoredLogMonitor.Report report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode result = mapper.createObjectNode().put("consistent", report.finding().isEmpty()).put("origin", origin)
                .put("contract", contract).put("submitter", submitter);
        report.head().ifPresentOrElse(head -> result.putObject("tiles").put("size", head.size()).put("root", HexFormat.of().formatHex(head.root())),
                () -> result.putNull("tiles"));
        ArrayNode checkpoints = result.putArray("checkpoints");
        report.consistent().forEach(checkpoint -> put(checkpoints.addObject(), checkpoint));
        ArrayNode ignored = result.putArray("ignored");
        report.ignored().forEach(finding -> put(ignored.addObject(), finding));
        report.finding().ifPresentOrElse(finding -> put(result.putObject("finding"), finding), () -> result.putNull("finding"));
        try {
            return mapper.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, AnchoredLogMonitor.Finding finding) {
        finding.checkpoint().ifPresentOrElse(checkpoint -> put(node.putObject("checkpoint"), checkpoint), () -> node.putNull("checkpoint"));
        node.put("reason", finding.reason()).put("message", finding.message());
    }

    private static void put(ObjectNode node, AnchoredCheckpoint checkpoint) {
        node.put("size", checkpoint.size()).put("root", HexFormat.of().formatHex(checkpoint.root())).put("cid", checkpoint.cid())
                .put("submitter", checkpoint.submitter()).put("block", checkpoint.block()).put("transaction", checkpoint.transaction());
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
