package org.energyweb.tlog.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.DirectTransactor;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.witness.Cosigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway anchors its kept log checkpoints on a real anvil, each note stored on a real js-ipfs node under the anchored CID. */
class CheckpointAnchoringTest extends OnDevChain {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static final Cosigner FIRST = new Cosigner("witness.example/1", seed(1));
    private static final Cosigner SECOND = new Cosigner("witness.example/2", seed(2));

    /** The gateway's registry, where its anchorer's gauges go. */
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @TempDir
    Path data;

    private Ledger ledger;
    private LedgerLog log;
    private KeptCheckpoints kept;
    private TransactionPipeline pipeline;
    private CheckpointAnchorer anchorer;
    private NoteSigner key;
    private long appended;

    private void open(String origin) {
        key = new NoteSigner(origin, new byte[32]);
        ledger = Ledger.open(data);
        log = LedgerLog.open(ledger);
        kept = new KeptCheckpoints(data);
    }

    private void startAnchoring(int witnessQuorum) {
        startPipeline();
        anchorer = CheckpointAnchorer.start(ledger, chain.eth, pipeline, chain.contracts.anchor(), ipfs(),
                new CheckpointAnchorer.Options(witnessQuorum), metrics);
    }

    private void startPipeline() {
        pipeline = TransactionPipeline.start(chain.eth, AnvilPeer.ACCOUNT_1, new CheckpointJournal(ledger),
                TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50)));
    }

    private IpfsSync ipfs() {
        return new IpfsSync(new LocalBlockStore(data.resolve("pending")), IPFS.client());
    }

    private void stopAnchoring() {
        anchorer.close();
        pipeline.close();
        anchorer = null;
    }

    @AfterEach
    void close() {
        if (anchorer != null) {
            anchorer.close();
            pipeline.close();
        }
        log.close();
        ledger.close();
    }

    /** Appends {@code readings} readings and signs and keeps a checkpoint of the log holding them, as the tlog:checkpoint consumer does. */
    private SignedNote grow(int readings, Cosigner... witnesses) throws Exception {
        List<CompletableFuture<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < readings; i++) {
            appended++;
            all.add(ledger.append(Measurement.of("meter-1", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60 * appended), appended, "test")));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        log.awaitLedger();
        SignedNote note = log.checkpoint(key);
        for (Cosigner witness : witnesses) {
            note = note.with(List.of(witness.cosign(note.text(), Instant.now().getEpochSecond())));
        }
        kept.keep(note);
        return note;
    }

    private ReadingAnchorContract.LogHead head() {
        return ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), AnvilPeer.ACCOUNT_1.getAddress(), key.name());
    }

    private List<HopState> recorded() {
        return ledger.hops().withState(Hops.CHECKPOINT_TRANSACTION_HOP, List.of(ChainHop.CONFIRMED, ChainHop.DEAD, ChainHop.SENT,
                ChainHop.MINED, ChainHop.NONCE_ALLOCATED));
    }

    @Test
    void theNewestKeptCheckpointIsAnchoredWithTheCidOfItsNoteBytesOnIpfs() throws Exception {
        open("gateway.example/newest");
        grow(3);
        grow(2);
        SignedNote newest = grow(4);
        startAnchoring(0);

        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 9);
        byte[] bytes = kept.bytes(9).orElseThrow();
        Cid cid = Cid.parse(head().checkpointCid());

        assertThat(cid).isEqualTo(CheckpointAnchorer.cidOf(bytes));
        assertThat(IPFS.client().cat(cid)).isEqualTo(bytes);
        assertThat(head().root()).isEqualTo(Checkpoint.parse(newest.text()).root());
        await().atMost(Duration.ofSeconds(30)).until(() -> !recorded().isEmpty() && recorded().get(0).state().equals(ChainHop.CONFIRMED));
        assertThat(recorded()).extracting(HopState::position).containsExactly(9L);
    }

    @Test
    void checkpointsKeptLaterAreAnchoredAfterTheFirstWithGrowingSizes() throws Exception {
        open("gateway.example/later");
        grow(5);
        startAnchoring(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 5);

        grow(1);
        grow(1);
        anchorer.wakeUp();

        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded().stream().allMatch(row -> row.state().equals(ChainHop.CONFIRMED)));
        // 6 too if the anchorer looked between the two: one at a time, each larger than the last.
        assertThat(recorded()).extracting(HopState::position).startsWith(5L).endsWith(7L).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCheckpointKeptWhileAnchoringWasStoppedIsAnchoredAfterTheRestart() throws Exception {
        open("gateway.example/restart");
        grow(2);
        startAnchoring(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.inFlight() == 0);
        stopAnchoring();

        grow(3);
        startAnchoring(0);

        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded().stream().allMatch(row -> row.state().equals(ChainHop.CONFIRMED)));
        assertThat(recorded()).extracting(HopState::position).containsExactly(2L, 5L);
    }

    @Test
    void aStepWithNothingNewListsNoKeptCheckpointsAndAWakeUpListsThemAgain() throws Exception {
        AtomicInteger listings = firstCheckpointAnchoredByAnUnstartedAnchorer("gateway.example/quiet");

        anchorer.anchorNext();
        anchorer.anchorNext();
        assertThat(listings).as("listings with nothing new").hasValue(1);

        grow(2);
        anchorer.wakeUp();
        anchorer.anchorNext();

        assertThat(listings).as("listings after a wake-up").hasValue(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 5);
    }

    @Test
    void aCheckpointKeptWithoutAWakeUpIsListedAfterAMinuteOfSteps() throws Exception {
        AtomicInteger listings = firstCheckpointAnchoredByAnUnstartedAnchorer("gateway.example/unannounced");

        grow(2);
        for (int step = 1; step < CheckpointAnchorer.STEPS_BETWEEN_LISTINGS; step++) {
            anchorer.anchorNext();
        }
        assertThat(listings).hasValue(1);
        anchorer.anchorNext();

        assertThat(listings).hasValue(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 5);
    }

    /**
     * Keeps a checkpoint of size 3 and has it anchored by an anchorer whose worker is not started, so that the test takes
     * its steps and knows how many; returns the count of its listings of the kept checkpoints (1 by then).
     */
    private AtomicInteger firstCheckpointAnchoredByAnUnstartedAnchorer(String origin) throws Exception {
        open(origin);
        grow(3);
        startPipeline();
        AtomicInteger listings = new AtomicInteger();
        anchorer = new CheckpointAnchorer(ledger, chain.eth, pipeline, chain.contracts.anchor(), ipfs(), new CheckpointAnchorer.Options(0),
                metrics, after -> {
                    listings.incrementAndGet();
                    return kept.sizesAbove(after);
                });
        anchorer.anchorNext();
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 3 && pipeline.inFlight() == 0);
        return listings;
    }

    @Test
    void aSizeTheContractRefusesIsRecordedDeadAndTheNextCheckpointIsStillAnchored() throws Exception {
        open("gateway.example/refused");
        // This account anchored size 5 of the log already, as if its journal had been lost since.
        DirectTransactor account = new DirectTransactor(chain.eth, new Signer(AnvilPeer.ACCOUNT_1, chain.eth.chainId()), GasPolicy.DEFAULT,
                Duration.ofMillis(20), Duration.ofSeconds(30));
        account.execute(chain.contracts.anchor(), FunctionEncoder.encode(ReadingAnchorContract.anchorCheckpoint(key.name(), 5, new byte[32],
                "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")));
        grow(3);
        startPipeline();
        // The contract's head is read on another chain with the same deployment, where the log has none: the anchorer sends 3.
        try (AnvilPeer elsewhere = AnvilPeer.automine()) {
            anchorer = new CheckpointAnchorer(ledger, new DevChain(elsewhere).eth, pipeline, chain.contracts.anchor(), ipfs(),
                    new CheckpointAnchorer.Options(0), metrics, kept::sizesAbove);
            anchorer.anchorNext();
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.inFlight() == 0 && !recorded().isEmpty());
            assertThat(recorded()).extracting(HopState::state).containsExactly(ChainHop.DEAD);

            grow(4);
            anchorer.wakeUp();
            anchorer.anchorNext();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded().size() == 2 && recorded().get(1).state().equals(ChainHop.CONFIRMED));
        assertThat(recorded()).extracting(HopState::position).containsExactly(3L, 7L);
        assertThat(recorded().get(0).state()).isEqualTo(ChainHop.DEAD);
    }

    @Test
    void theNewestCheckpointWithTheQuorumIsAnchoredWhenANewerOneLacksIt() throws Exception {
        open("gateway.example/older");
        grow(2, FIRST, SECOND);
        grow(3, FIRST, SECOND);
        grow(1, FIRST);
        startAnchoring(2);

        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchorer.waitingFor().isPresent());
        assertThat(anchorer.waitingFor().orElseThrow()).contains("size 6 has 1 witness cosignatures of the 2 required");
        grow(1, FIRST, SECOND);
        anchorer.wakeUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 7);
        assertThat(recorded()).extracting(HopState::position).containsExactly(5L, 7L);
    }

    @Test
    void aCheckpointWithoutTheWitnessQuorumIsNotAnchoredAndTheReasonIsGiven() throws Exception {
        open("gateway.example/quorum");
        grow(4, FIRST, SECOND);
        startAnchoring(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 4);

        grow(3, FIRST);
        anchorer.wakeUp();

        await().atMost(Duration.ofSeconds(30)).until(() -> anchorer.waitingFor().isPresent());
        assertThat(anchorer.waitingFor().orElseThrow()).contains("size 7 has 1 witness cosignatures of the 2 required");
        assertThat(gauge("energyweb.log.checkpoint.waiting.quorum")).isEqualTo(1);
        assertThat(head().size()).isEqualTo(4);
        grow(1, FIRST, SECOND);
        anchorer.wakeUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 8);
        assertThat(anchorer.waitingFor()).isEmpty();
        assertThat(gauge("energyweb.log.checkpoint.waiting.quorum")).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("energyweb.log.checkpoint.anchored.size") == 8);
        assertThat(recorded()).extracting(HopState::position).containsExactly(4L, 8L);
    }

    @Test
    void logCheckpointsListsEveryAnchoredCheckpointWithItsCidTransactionAndBlock() throws Exception {
        open("gateway.example/listed");
        SignedNote first = grow(2);
        startAnchoring(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> head().size() == 2);
        SignedNote second = grow(3);
        anchorer.wakeUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> recorded().size() == 2
                && recorded().stream().allMatch(row -> row.state().equals(ChainHop.CONFIRMED)));

        CliTestSupport.Result listed = CliTestSupport.run("log", "checkpoints", "--data", data.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(listed.out());

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(json).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode row = json.get(i);
            Checkpoint checkpoint = Checkpoint.parse((i == 0 ? first : second).text());
            assertThat(row.get("size").asLong()).isEqualTo(checkpoint.size());
            assertThat(row.get("root").asText()).isEqualTo(HexFormat.of().formatHex(checkpoint.root()));
            assertThat(row.get("origin").asText()).isEqualTo("gateway.example/listed");
            assertThat(row.get("cid").asText()).isEqualTo(CheckpointAnchorer.cidOf(kept.bytes(checkpoint.size()).orElseThrow()).toString());
            Receipt receipt = chain.eth.receipt(row.get("transaction").asText()).orElseThrow();
            assertThat(receipt.blockNumber()).isEqualTo(row.get("block").asLong());
            assertThat(row.get("contract").asText()).isEqualToIgnoringCase(chain.contracts.anchor());
        }
        assertThat(json.get(1).get("cid").asText()).isEqualTo(head().checkpointCid());
    }

    private double gauge(String name) {
        return metrics.get(name).tag("dataDir", ledger.dataDir().toString()).gauge().value();
    }

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        seed[31] = (byte) value;
        return seed;
    }
}
