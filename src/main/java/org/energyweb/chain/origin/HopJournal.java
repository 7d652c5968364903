package org.energyweb.chain.origin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.TransactionJournal;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.NonceStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction journal kept on one outbox hop of a ledger: each key's transaction is the hop's row
 * of that key, and nonce and row are committed together. Subclasses say how a key reads in words and
 * what a rejection records besides the row.
 */
public abstract class HopJournal implements TransactionJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected final Ledger ledger;
    private final String hop;

    protected HopJournal(Ledger ledger, String hop) {
        this.ledger = ledger;
        this.hop = hop;
    }

    /** The detail of a dead row: the reason, which {@code energyweb status} and the pipeline read back. */
    protected static String deadDetail(String reason) {
        return JSON.createObjectNode().put("reason", reason).toString();
    }

    @Override
    public List<Entry> inFlight() {
        return ledger.hops().withState(hop, ChainHop.IN_FLIGHT).stream().map(this::entry).toList();
    }

    @Override
    public Map<Long, Entry> recorded(Collection<Long> keys) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        for (HopState state : ledger.hops().states(hop, keys).values()) {
            Entry entry = entry(state);
            entries.put(entry.key(), entry);
        }
        return entries;
    }

    private Entry entry(HopState state) {
        return new Entry(state.position(), state.state(), state.detail());
    }

    @Override
    public CompletableFuture<Void> allocated(String account, long nonce, long key, String detail) {
        return ledger.nonces().allocate(account, nonce, key, hop, ChainHop.NONCE_ALLOCATED, detail);
    }

    @Override
    public CompletableFuture<Void> record(long key, String state, String detail) {
        return ledger.hops().record(key, hop, state, detail);
    }

    @Override
    public NonceStore nonces() {
        return ledger.nonces();
    }

    @Override
    public String hop() {
        return hop;
    }
}
