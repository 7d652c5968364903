package org.energyweb.chaos;

import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent check after a scenario, with the gateway stopped: it reads the ledger, the chain's
 * events and the IPFS node itself rather than trusting what the gateway recorded about them.
 */
final class ChaosAudit {

    /** What the audit counted, for the scenario's summary line. */
    record Counts(long readings, int meters, long onIpfs, long anchored, long deadLetters) {
        String summary(String scenario) {
            return String.format("CHAOS %-28s readings=%d meters=%d onIpfs=%d anchored=%d deadLetters=%d",
                    scenario, readings, meters, onIpfs, anchored, deadLetters);
        }
    }

    private ChaosAudit() {
    }

    /** Every (meter, seq) the ledger holds now, with its document's SHA-256: what a restart must never lose or change. */
    static Map<String, String> acknowledged(ChaosRig rig) {
        return acknowledged(rig.data);
    }

    /** Every (meter, seq) the ledger of {@code data} holds now, with its document's SHA-256. */
    static Map<String, String> acknowledged(Path data) {
        try (Ledger ledger = Ledger.open(data)) {
            Map<String, String> readings = new HashMap<>();
            ledger.forEachByMeter(entry -> readings.put(key(entry), entry.document().sha256Hex()));
            return readings;
        }
    }

    /**
     * Asserts that the ledger verifies and holds every acknowledged reading exactly once, that every
     * reading is on IPFS under its CID and anchored by exactly one LogNewMeterRead of its meter's
     * asset, and that the dead-letter store holds {@code deadLetters} (payload text to reason).
     */
    static Counts check(ChaosRig rig, Map<String, String> acknowledged, Map<String, String> deadLetters) {
        VerifyReport report = LedgerVerifier.verify(rig.data);
        assertThat(report.problems()).as("the ledger verifies").isEmpty();
        try (Ledger ledger = Ledger.open(rig.data)) {
            List<LedgerEntry> entries = new ArrayList<>();
            ledger.forEachByMeter(entries::add);
            Map<String, String> inLedger = entries.stream().collect(Collectors.toMap(ChaosAudit::key, e -> e.document().sha256Hex()));
            assertThat(inLedger).as("no reading twice").hasSize(entries.size());
            assertThat(inLedger).as("every acknowledged reading is still there, unchanged").containsAllEntriesOf(acknowledged);

            long onIpfs = checkIpfs(rig, ledger, entries);
            long anchored = checkChain(rig, ledger, entries);
            checkDeadLetters(ledger, deadLetters);
            return new Counts(entries.size(), (int) entries.stream().map(LedgerEntry::meter).distinct().count(), onIpfs, anchored,
                    ledger.deadLetters().count());
        }
    }

    private static long checkIpfs(ChaosRig rig, Ledger ledger, List<LedgerEntry> entries) {
        Map<Long, HopState> states = ledger.hops().states(IpfsHop.NAME, entries.stream().map(LedgerEntry::position).toList());
        IpfsClient node = rig.ipfs.client();
        for (LedgerEntry entry : entries) {
            Cid cid = Cid.ofRawSha256(entry.document().sha256());
            assertThat(states.get(entry.position())).as("%s is recorded as stored on IPFS", entry)
                    .extracting(HopState::state, HopState::detail).containsExactly(IpfsHop.STORED, cid.toString());
            assertThat(node.cat(cid)).as("the node serves %s under %s", entry, cid).isEqualTo(entry.document().bytes());
        }
        return entries.size();
    }

    private static long checkChain(ChaosRig rig, Ledger ledger, List<LedgerEntry> entries) {
        Map<Long, HopState> states = ledger.hops().states(ChainHop.HOP, entries.stream().map(LedgerEntry::position).toList());
        assertThat(entries).as("every reading is confirmed on chain")
                .allSatisfy(entry -> assertThat(states.get(entry.position())).extracting(HopState::state).isEqualTo(ChainHop.CONFIRMED));
        Registry registry = Registry.PRODUCING;
        Map<String, BigInteger> assetOfFileHash = new HashMap<>();
        List<String> fileHashes = new ArrayList<>();
        for (Log log : rig.eth.logs(rig.producing, List.of(registry.newMeterReadEvent().topic()), 0, rig.eth.blockNumber())) {
            Map<String, Object> event = registry.newMeterReadEvent().decode(log);
            String fileHash = ((String) event.get("fileHash")).substring(2);
            fileHashes.add(fileHash);
            assetOfFileHash.put(fileHash, (BigInteger) event.get("assetId"));
        }
        assertThat(fileHashes).as("no file hash is anchored twice").doesNotHaveDuplicates();
        assertThat(fileHashes).as("LogNewMeterRead events and the ledger match one to one")
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(e -> e.document().sha256Hex()).toList());
        assertThat(entries).as("each reading is anchored on its meter's asset").allSatisfy(entry ->
                assertThat(assetOfFileHash.get(entry.document().sha256Hex())).isEqualTo(rig.assets.get(entry.meter())));
        return fileHashes.size();
    }

    private static void checkDeadLetters(Ledger ledger, Map<String, String> expected) {
        List<DeadLetter> letters = ledger.deadLetters().list(Integer.MAX_VALUE);
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            assertThat(letters).as("the bad input %s is a dead letter with its reason", bad.getKey())
                    .anySatisfy(letter -> {
                        assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(bad.getKey());
                        assertThat(letter.reason()).contains(bad.getValue());
                    });
        }
    }

    private static String key(LedgerEntry entry) {
        return entry.meter() + "#" + entry.seq();
    }
}
