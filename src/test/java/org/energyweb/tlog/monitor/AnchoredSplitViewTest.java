package org.energyweb.tlog.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chaos.GatewayProcess;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ipfs.store.StoreResult;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TileLog;
import org.energyweb.tlog.witness.AddCheckpointRequest;
import org.energyweb.tlog.witness.WitnessClient;
import org.energyweb.tlog.witness.WitnessKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway that anchors two histories of its log on one ReadingAnchor contract (real anvil), each checkpoint's
 * signed note on a real js-ipfs: {@code log monitor --rpc} names the first checkpoint that is not the history its
 * tiles hold, a witness process that cosigned the honest checkpoint refuses the forged one, and the contract refuses
 * a size that shrinks.
 */
class AnchoredSplitViewTest {

    static final String ORIGIN = "gateway.example/log";

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static AnvilPeer anvil;

    @TempDir
    Path dir;

    private final NoteSigner logKey = new NoteSigner(ORIGIN, TestLogs.seed(1));
    private DevChain chain;
    private IpfsSync ipfs;
    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void startChain() {
        anvil = AnvilPeer.automine();
    }

    @AfterAll
    static void stopChain() {
        anvil.close();
    }

    @BeforeEach
    void deploy() {
        // Fresh contracts per test: each test's anchors are the only ones its monitor sees.
        chain = new DevChain(anvil);
        ipfs = new IpfsSync(new LocalBlockStore(dir.resolve("ipfs-pending")), IPFS.client());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void aLogWhoseAnchoredCheckpointsOnlyGrewIsReportedConsistentAsJson() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        SignedNote note300 = TestLogs.checkpoint(tiles, logKey);
        Receipt first = anchor(chain.admin, note300);
        TestLogs.grow(tiles, honest, "reading", 700, logKey);
        Receipt second = anchor(chain.admin, TestLogs.checkpoint(tiles, logKey));
        TestLogs.grow(tiles, honest, "reading", 1000, logKey);

        Result result = monitor(honest.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("consistent").asBoolean()).isTrue();
        assertThat(json.get("tiles").get("size").asLong()).isEqualTo(1000);
        assertThat(json.get("checkpoints")).extracting(c -> c.get("size").asLong()).containsExactly(300L, 700L);
        assertThat(json.get("checkpoints")).extracting(c -> c.get("block").asLong()).containsExactly(first.blockNumber(), second.blockNumber());
        assertThat(json.get("checkpoints").get(0).get("cid").asText()).isEqualTo(store(note300));
        assertThat(json.get("finding").isNull()).isTrue();
    }

    @Test
    void aForgedHistoryAnchoredUnderTheSameOriginIsNamedAsASplitView() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(tiles, logKey));
        TileLog forged = TestLogs.log(dir.resolve("forged"), "forged reading", 600, logKey);
        SignedNote forgedNote = TestLogs.checkpoint(forged, logKey);
        Receipt forgedAnchor = anchor(chain.admin, forgedNote);
        TestLogs.grow(tiles, honest, "reading", 1000, logKey);
        ServedLog served = new ServedLog(honest);
        running.add(served);

        Result result = monitor(served.url().toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err()).contains("INCONSISTENT: checkpoint " + ORIGIN + " size 600 anchored in block " + forgedAnchor.blockNumber())
                .contains("CID " + store(forgedNote)).contains("inconsistent with checkpoint size 300").contains("split view")
                .contains("1 anchored checkpoint(s) before it were consistent");
    }

    @Test
    void theForgedCheckpointFetchedByItsAnchoredCidIsRefusedByAWitnessProcessThatCosignedTheHonestOne() throws Exception {
        TileLog honest = TestLogs.log(dir.resolve("honest"), "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(honest, logKey));
        TileLog forged = TestLogs.log(dir.resolve("forged"), "reading", 256, logKey);
        TestLogs.grow(forged, dir.resolve("forged"), "rewritten reading", 600, logKey);
        anchor(chain.admin, TestLogs.checkpoint(forged, logKey));
        WitnessClient witness = witnessProcess();
        WitnessClient.Result cosigned = witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), TestLogs.checkpoint(honest, logKey)));

        List<AnchoredCheckpoint> anchored = AnchoredCheckpoint.read(chain.eth, chain.contracts.anchor(), ORIGIN, Optional.empty(), 0);
        SignedNote fromIpfs = SignedNote.parse(new String(IPFS.client().cat(Cid.parse(anchored.get(1).cid())), StandardCharsets.UTF_8));
        WitnessClient.Result refused = witness.addCheckpoint(new AddCheckpointRequest(300, MerkleProofs.consistencyProof(forged, 300, 600), fromIpfs));

        assertThat(cosigned.cosigned()).as(cosigned.body()).isTrue();
        assertThat(Checkpoint.parse(fromIpfs.text()).size()).isEqualTo(600);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.cosignatures()).isEmpty();
    }

    @Test
    void aShrinkingSizeIsRefusedByTheContract() throws Exception {
        TileLog honest = TestLogs.log(dir.resolve("honest"), "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(honest, logKey));
        TileLog forged = TestLogs.log(dir.resolve("forged"), "forged reading", 200, logKey);

        assertThatThrownBy(() -> anchor(chain.admin, TestLogs.checkpoint(forged, logKey))).isInstanceOf(RevertException.class)
                .hasMessageContaining("log size does not grow");
        assertThat(ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), chain.admin.address(), ORIGIN).size()).isEqualTo(300);
    }

    @Test
    void aForgedHistoryAnchoredByAnotherAccountUnderTheSameOriginIsNamed() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(tiles, logKey));
        OriginAdmin other = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        // A smaller size under another account: the contract keeps it as another log, the log key signed both.
        anchor(other, TestLogs.checkpoint(TestLogs.log(dir.resolve("forged"), "forged reading", 200, logKey), logKey));

        Result result = monitor(honest.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err()).containsIgnoringCase("size 200 anchored in block").containsIgnoringCase("by " + other.address())
                .contains("split view");
    }

    @Test
    void withSubmitterOnlyThatAccountsCheckpointsAreWalked() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(tiles, logKey));
        anchor(DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1),
                TestLogs.checkpoint(TestLogs.log(dir.resolve("forged"), "forged reading", 200, logKey), logKey));

        Result result = monitor(honest.toString(), "--submitter", chain.admin.address());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("OK: 1 checkpoint(s) of " + ORIGIN);
    }

    @Test
    void aCheckpointOfTheSubmitterSignedByAnotherKeyOfTheSameNameIsNamed() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(tiles, new NoteSigner(ORIGIN, TestLogs.seed(9))));

        Result result = monitor(honest.toString(), "--submitter", chain.admin.address());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("size 300 anchored in block").contains("is not a checkpoint signed by the log key " + ORIGIN);
    }

    @Test
    void anUnsignedCheckpointOfTheSubmitterIsNamed() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        byte[] unsigned = new Checkpoint(ORIGIN, tiles.size(), tiles.root()).text().getBytes(StandardCharsets.UTF_8);
        anchor(chain.admin, 300, tiles.root(), ipfs(unsigned));

        Result result = monitor(honest.toString(), "--submitter", chain.admin.address());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("size 300 anchored in block").contains("is not a checkpoint signed by the log key");
    }

    @Test
    void anAnchorOfTheSubmitterWhoseCidHoldsTheNoteOfAnotherTreeIsNamed() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 100, logKey);
        String note100 = store(TestLogs.checkpoint(tiles, logKey));
        TestLogs.grow(tiles, honest, "reading", 300, logKey);
        anchor(chain.admin, 300, tiles.root(), note100);

        Result result = monitor(honest.toString(), "--submitter", chain.admin.address());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("size 300 anchored in block").contains("has a note of another tree (size 100)");
    }

    @Test
    void withoutSubmitterAnotherAccountsAnchorThatIsNotTheLogKeysCheckpointIsIgnored() throws Exception {
        Path honest = dir.resolve("honest");
        TileLog tiles = TestLogs.log(honest, "reading", 300, logKey);
        anchor(chain.admin, TestLogs.checkpoint(tiles, logKey));
        OriginAdmin other = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        // Anyone may anchor under any origin: a note signed by another key says nothing about the log.
        NoteSigner otherKey = new NoteSigner(ORIGIN, TestLogs.seed(9));
        anchor(other, TestLogs.checkpoint(TestLogs.log(dir.resolve("junk"), "junk", 500, otherKey), otherKey));

        Result result = monitor(honest.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("checkpoints")).extracting(c -> c.get("size").asLong()).containsExactly(300L);
        assertThat(json.get("ignored")).hasSize(1);
        assertThat(json.get("ignored").get(0).get("checkpoint").get("submitter").asText()).isEqualToIgnoringCase(other.address());
        assertThat(json.get("ignored").get(0).get("reason").asText()).contains("is not a checkpoint signed by the log key");
    }

    @Test
    void aPlainHttpChainNodeOnAnotherMachineIsRefusedWithoutAllowInsecure() throws Exception {
        TestLogs.log(dir.resolve("honest"), "reading", 10, logKey);

        Result result = CliTestSupport.run("log", "monitor", "--rpc", "http://chain.example:8545", "--contract", chain.contracts.anchor(),
                "--log", ORIGIN, "--tiles", dir.resolve("honest").toString(), "--key", logKey.verifier().text(), "--ipfs", IPFS.apiUrl());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("log monitor:").contains("https");
    }

    private Result monitor(String tiles, String... more) {
        List<String> args = new ArrayList<>(List.of("log", "monitor", "--rpc", anvil.url(), "--contract", chain.contracts.anchor(),
                "--log", ORIGIN, "--tiles", tiles, "--key", logKey.verifier().text(), "--ipfs", IPFS.apiUrl()));
        args.addAll(List.of(more));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    /** Stores the note on IPFS (the project's ipfs/store code) and anchors its checkpoint with the note's CID. */
    private Receipt anchor(OriginAdmin submitter, SignedNote note) {
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        return anchor(submitter, checkpoint.size(), checkpoint.root(), store(note));
    }

    private Receipt anchor(OriginAdmin submitter, long size, byte[] root, String cid) {
        return submitter.transactor().execute(chain.contracts.anchor(),
                FunctionEncoder.encode(ReadingAnchorContract.anchorCheckpoint(ORIGIN, size, root, cid)));
    }

    private String store(SignedNote note) {
        return ipfs(note.encoded().getBytes(StandardCharsets.UTF_8));
    }

    private String ipfs(byte[] bytes) {
        StoreResult result = ipfs.push(bytes, UnixFs.cidOf(bytes, UnixFsOptions.forCidVersion(1)));
        assertThat(result).isInstanceOf(StoreResult.Stored.class);
        return result.cid().toString();
    }

    /** {@code energyweb witness} in its own JVM, trusting the log key, on a free loopback port. */
    private WitnessClient witnessProcess() throws Exception {
        Path key = dir.resolve("witness.json");
        Path password = Files.writeString(dir.resolve("password"), "witness password\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Result created = CliTestSupport.run("witness", "key", "new", "--key", key.toString(), "--name", "witness.example/w1",
                "--password-file", password.toString(), "--light");
        assertThat(created.exitCode()).as(created.err()).isZero();
        GatewayProcess process = GatewayProcess.launchFromClasses(dir.resolve("witness.log"), "witness", "--key", key.toString(),
                "--password-file", password.toString(), "--listen", "127.0.0.1:0", "--log", logKey.verifier().text(),
                "--state", dir.resolve("witness-state").toString());
        running.add(process::kill);
        Pattern printed = Pattern.compile("listening on (http://\\S+)/add-checkpoint");
        process.awaitReady(() -> printed.matcher(process.output()).find(), Duration.ofSeconds(60));
        Matcher url = printed.matcher(process.output());
        assertThat(url.find()).isTrue();
        return new WitnessClient(URI.create(url.group(1)), WitnessKeys.verifier(key));
    }
}
