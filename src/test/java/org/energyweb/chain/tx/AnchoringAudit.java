package org.energyweb.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a ledger against the chain: every reading anchored exactly once, nonces without gaps. */
final class AnchoringAudit {

    private AnchoringAudit() {
    }

    /**
     * @param entries       the readings that were submitted
     * @param firstNonce    the account's transaction count before they were
     */
    static void assertAnchoredExactlyOnce(Ledger ledger, Eth eth, Registry registry, String contract, BigInteger assetId,
                                          List<LedgerEntry> entries, String account, long firstNonce) {
        assertAnchoredExactlyOnce(ledger, eth, registry, contract, assetId, entries, account, firstNonce, Set.of());
    }

    /**
     * @param noncesTheNodeBurnt nonces from {@code firstNonce} on that the node counts as used without
     *                           any transaction using them (see {@link AnvilStateFile}): readings get
     *                           the nonces around them, and none of them
     */
    static void assertAnchoredExactlyOnce(Ledger ledger, Eth eth, Registry registry, String contract, BigInteger assetId,
                                          List<LedgerEntry> entries, String account, long firstNonce,
                                          Set<Long> noncesTheNodeBurnt) {
        long nextNonce = firstNonce + entries.size() + noncesTheNodeBurnt.size();
        List<HopState> confirmed = ledger.hops().withState(ChainHop.HOP, List.of(ChainHop.CONFIRMED));
        assertThat(confirmed).hasSize(entries.size());
        assertThat(ledger.hops().withState(ChainHop.HOP, ChainHop.IN_FLIGHT)).isEmpty();

        List<Long> nonces = new ArrayList<>();
        Set<String> transactions = new HashSet<>();
        for (HopState state : confirmed) {
            JsonNode detail = json(state.detail());
            nonces.add(detail.path("nonce").asLong());
            transactions.add(detail.path("minedTx").asText());
        }
        List<Long> expected = range(firstNonce, nextNonce);
        expected.removeAll(noncesTheNodeBurnt);
        assertThat(nonces).as("nonces are contiguous but for those the node burnt (%s), and none is used twice",
                        noncesTheNodeBurnt).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(transactions).as("one transaction per reading").hasSize(entries.size());
        assertThat(eth.transactionCount(account, "latest")).as("no other transaction was mined from the account")
                .isEqualTo(nextNonce);

        List<String> onChain = new ArrayList<>();
        for (Log log : eth.logs(contract, List.of(registry.newMeterReadEvent().topic()), 0, eth.blockNumber())) {
            Map<String, Object> event = registry.newMeterReadEvent().decode(log);
            if (event.get("assetId").equals(assetId)) {
                onChain.add((String) event.get("fileHash"));
            }
        }
        List<String> inLedger = entries.stream().map(e -> "0x" + e.document().sha256Hex()).toList();
        assertThat(onChain).as("LogNewMeterRead events match the ledger one to one").containsExactlyInAnyOrderElementsOf(inLedger);
    }

    private static List<Long> range(long first, long end) {
        List<Long> range = new ArrayList<>();
        for (long n = first; n < end; n++) {
            range.add(n);
        }
        return range;
    }

    private static JsonNode json(String detail) {
        try {
            return new ObjectMapper().readTree(detail);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
