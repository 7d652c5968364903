package org.energyweb.chain.origin;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Sha256;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the ledger with what Origin registries hold: every {@code LogNewMeterRead} must carry the
 * hash of exactly one ledger reading, each reading the ledger records as confirmed must have its
 * event, a meter's readings must go to one asset in chain order, and each meter's ledger head must
 * be its asset's last file hash on chain.
 */
public final class LedgerReconciliation {

    /** One disagreement; {@code meter} and {@code seq} are null when the chain holds something the ledger does not. */
    public record Difference(String meter, Long seq, String reason) {
        @Override
        public String toString() {
            return (meter != null ? "meter " + meter + (seq != null ? " seq " + seq : "") + ": " : "") + reason;
        }
    }

    /** A registry contract to compare with. */
    public record Contract(Registry registry, String address) {
    }

    private record Reading(String meter, long seq, long position) {
    }

    private record Anchoring(BigInteger asset, Contract contract, String tx) {
    }

    private static final long BLOCKS_PER_QUERY = 10_000;

    private final Ledger ledger;
    private final Eth eth;
    private final List<Difference> differences = new ArrayList<>();
    private final Map<String, Reading> bySha = new HashMap<>();
    private final Map<String, Anchoring> anchorings = new HashMap<>();
    private final Map<String, Anchoring> assetOfMeter = new TreeMap<>();
    private final Map<String, Long> lastAnchoredSeq = new HashMap<>();

    private LedgerReconciliation(Ledger ledger, Eth eth) {
        this.ledger = ledger;
        this.eth = eth;
    }

    public static List<Difference> compare(Ledger ledger, Eth eth, List<Contract> contracts) {
        LedgerReconciliation reconciliation = new LedgerReconciliation(ledger, eth);
        ledger.forEachByMeter(reconciliation::index);
        long latest = eth.blockNumber();
        for (Contract contract : contracts) {
            for (long from = 0; from <= latest; from += BLOCKS_PER_QUERY) {
                for (Log log : eth.logs(contract.address(), List.of(contract.registry().newMeterReadEvent().topic()), from,
                        Math.min(latest, from + BLOCKS_PER_QUERY - 1))) {
                    reconciliation.event(contract, log);
                }
            }
        }
        reconciliation.confirmedReadingsHaveEvents();
        reconciliation.headsAreLastFileHashes();
        return List.copyOf(reconciliation.differences);
    }

    private void index(LedgerEntry entry) {
        bySha.put(entry.document().sha256Hex(), new Reading(entry.meter(), entry.seq(), entry.position()));
    }

    private void event(Contract contract, Log log) {
        if (log.removed()) {
            return;
        }
        Map<String, Object> values = contract.registry().newMeterReadEvent().decode(log);
        BigInteger asset = (BigInteger) values.get("assetId");
        String fileHash = ((String) values.get("fileHash")).substring(2);
        Reading reading = bySha.get(fileHash);
        Anchoring anchoring = new Anchoring(asset, contract, log.transactionHash());
        if (reading == null) {
            differences.add(new Difference(null, null, "LogNewMeterRead of asset " + asset + " in tx " + log.transactionHash()
                    + " carries file hash " + fileHash + ", which is no reading of the ledger"));
            return;
        }
        Anchoring earlier = anchorings.putIfAbsent(fileHash, anchoring);
        if (earlier != null) {
            differences.add(new Difference(reading.meter(), reading.seq(), "anchored twice: tx " + earlier.tx() + " and tx " + log.transactionHash()));
            return;
        }
        Anchoring meterAsset = assetOfMeter.putIfAbsent(reading.meter(), anchoring);
        if (meterAsset != null && (!meterAsset.asset().equals(asset) || !meterAsset.contract().equals(contract))) {
            differences.add(new Difference(reading.meter(), reading.seq(), "anchored on asset " + asset + " of " + contract.address()
                    + " while earlier readings went to asset " + meterAsset.asset() + " of " + meterAsset.contract().address()));
        }
        Long last = lastAnchoredSeq.put(reading.meter(), reading.seq());
        if (last != null && last > reading.seq()) {
            differences.add(new Difference(reading.meter(), reading.seq(), "anchored after seq " + last + ": the chain's order differs from the ledger's"));
        }
    }

    private void confirmedReadingsHaveEvents() {
        Map<Long, String> shaByPosition = new HashMap<>();
        bySha.forEach((sha, reading) -> shaByPosition.put(reading.position(), sha));
        for (HopState state : ledger.hops().withState(ChainHop.HOP, List.of(ChainHop.CONFIRMED))) {
            String sha = shaByPosition.get(state.position());
            if (sha != null && !anchorings.containsKey(sha)) {
                Reading reading = bySha.get(sha);
                differences.add(new Difference(reading.meter(), reading.seq(),
                        "confirmed in the ledger but no LogNewMeterRead with its file hash is on chain"));
            }
        }
    }

    private void headsAreLastFileHashes() {
        for (ChainHead head : new TreeMap<>(ledger.heads()).values()) {
            Anchoring anchoring = assetOfMeter.get(head.meter());
            if (anchoring == null) {
                differences.add(new Difference(head.meter(), head.seq(), "no reading of this meter is on the given registries"));
                continue;
            }
            String onChain = Sha256.hex(anchoring.contract().registry().lastFileHash(eth, anchoring.contract().address(), anchoring.asset()));
            String headSha = Sha256.hex(head.sha256());
            if (!onChain.equals(headSha)) {
                Reading known = bySha.get(onChain);
                differences.add(new Difference(head.meter(), head.seq(), "the ledger head " + headSha + " is not asset "
                        + anchoring.asset() + "'s last file hash on chain, " + onChain
                        + (known != null ? " (seq " + known.seq() + ")" : " (no reading of the ledger)")));
            }
        }
    }
}
