package org.energyweb.tlog;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.monitor.AnchoredCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of a gateway process (a child JVM) while it appends readings, signs checkpoints and anchors them on a real
 * anvil that mines a block a second (so a transaction is in flight at most moments) with the notes on a real js-ipfs.
 * After each kill the reopened log's tiles match the ledger, the anchored head's root is the tiles' tree of its size and
 * an RFC 9162 consistency proof from the tiles links it to the head anchored before the kill. At the end, the
 * contract's events show every size anchored once, growing, each the CID of its kept note, and no size was refused.
 */
class CheckpointAnchoringCrashTest {

    private static final int KILLS = 4;

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static AnvilPeer anvil;
    private static DevChain chain;

    @TempDir
    Path data;

    @BeforeAll
    static void startChain() {
        anvil = AnvilPeer.blockTime(1);
        chain = new DevChain(anvil);
    }

    @AfterAll
    static void stopChain() {
        anvil.close();
    }

    private static ReadingAnchorContract.LogHead head() {
        return ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), AnvilPeer.ACCOUNT_1.getAddress(), LedgerLogTest.KEY.name());
    }

    @Test
    void afterEachSigkillTheTilesMatchTheLedgerAndTheAnchoredHeadsAreConsistentAndNoSizeIsAnchoredTwiceOrRefused() throws Exception {
        ReadingAnchorContract.LogHead before = head();
        int killedInFlight = 0;
        for (int kill = 0; kill <= KILLS; kill++) {
            runUntilAnchoredThenKill(before.size(), kill % 2 == 0);
            if (!Hops.withStateReadOnly(data, Hops.CHECKPOINT_TRANSACTION_HOP, ChainHop.IN_FLIGHT).isEmpty()) {
                killedInFlight++;
            }
            ReadingAnchorContract.LogHead after = head();
            try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
                long readings = ledger.after(0, Integer.MAX_VALUE).size();

                assertThat(log.size()).as("log size after kill %d", kill).isEqualTo(readings);
                assertThat(MerkleProofs.root(log.tiles(), readings)).isEqualTo(LedgerDigests.treeOf(ledger).root());
                assertThat(after.size()).isGreaterThan(before.size()).isLessThanOrEqualTo(readings);
                assertThat(MerkleProofs.root(log.tiles(), after.size())).as("anchored root of size %d", after.size()).isEqualTo(after.root());
                if (before.size() > 0) {
                    assertThat(MerkleConsistency.verify(before.size(), after.size(), before.root(), after.root(),
                            MerkleProofs.consistencyProof(log.tiles(), before.size(), after.size())))
                            .as("anchored %d before kill %d is consistent with anchored %d after it", before.size(), kill, after.size()).isTrue();
                }
            }
            before = after;
        }

        assertThat(killedInFlight).as("kills with a checkpoint transaction in flight").isPositive();
        List<AnchoredCheckpoint> events = AnchoredCheckpoint.read(chain.eth, chain.contracts.anchor(), LedgerLogTest.KEY.name(),
                Optional.of(AnvilPeer.ACCOUNT_1.getAddress()), 0);
        KeptCheckpoints kept = new KeptCheckpoints(data);
        assertThat(events).extracting(AnchoredCheckpoint::size).isSortedAccordingTo(BigInteger::compareTo).doesNotHaveDuplicates();
        for (AnchoredCheckpoint event : events) {
            assertThat(event.cid()).isEqualTo(CheckpointAnchorer.cidOf(kept.bytes(event.size().longValueExact()).orElseThrow()).toString());
        }
        AnchoredCheckpoint last = events.get(events.size() - 1);
        assertThat(IPFS.client().cat(Cid.parse(last.cid()))).isEqualTo(kept.bytes(last.size().longValueExact()).orElseThrow());
        List<HopState> dead = Hops.withStateReadOnly(data, Hops.CHECKPOINT_TRANSACTION_HOP, List.of(ChainHop.DEAD));
        assertThat(dead).as("checkpoints refused by the contract").isEmpty();
        assertThat(Hops.withStateReadOnly(data, Hops.CHECKPOINT_TRANSACTION_HOP, List.of(ChainHop.CONFIRMED)))
                .extracting(row -> BigInteger.valueOf(row.position()))
                .isSubsetOf(events.stream().map(AnchoredCheckpoint::size).toList());
    }

    /**
     * Runs the gateway until the contract's head has grown past {@code anchored}, then SIGKILLs it: at once (while it
     * appends and signs), or once the ledger shows the next checkpoint's transaction in flight.
     */
    private void runUntilAnchoredThenKill(long anchored, boolean whileInFlight) throws IOException, InterruptedException {
        Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AnchoringCrashGateway.class.getName(), data.toString(), anvil.url(),
                chain.contracts.anchor(), IPFS.apiUrl())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean due = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
            // Looked at once per kept checkpoint (every 200 ms), read from the chain and the ledger without its lock.
            for (String line; !due && (line = lines.readLine()) != null; ) {
                due = line.startsWith("checkpoint ") && head().size() > anchored
                        && (!whileInFlight || !Hops.withStateReadOnly(data, Hops.CHECKPOINT_TRANSACTION_HOP, ChainHop.IN_FLIGHT).isEmpty());
            }
            gateway.destroyForcibly();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            gateway.destroyForcibly();
        }
        assertThat(due).as("the gateway anchored a checkpoint above %d before it was killed", anchored).isTrue();
    }
}
