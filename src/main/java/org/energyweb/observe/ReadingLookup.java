package org.energyweb.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.batch.BatchHop;
import org.energyweb.batch.BatchProver;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.ProofJson;
import org.energyweb.reading.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * "Was my reading anchored?": a reading found by meter and seq, or by its document's SHA-256, with
 * the document, its IPFS CID, and its anchoring: its own transaction (Origin mode) or its Merkle
 * batch, whose inclusion proof {@link #proof} gives in the form {@code energyweb verify-proof} reads.
 */
final class ReadingLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;

    ReadingLookup(Ledger ledger) {
        this.ledger = ledger;
    }

    Optional<LedgerEntry> find(String meter, long seq) {
        return ledger.find(meter, seq);
    }

    Optional<LedgerEntry> findBySha256(String hex) {
        return ledger.findBySha256(HexFormat.of().parseHex(hex.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    String json(LedgerEntry entry) {
        ObjectNode root = JSON.createObjectNode().put("meter", entry.meter()).put("seq", entry.document().reading().seq())
                .put("position", entry.position()).put("sha256", Sha256.hex(entry.document().sha256()));
        root.set("document", parse(new String(entry.document().bytes(), StandardCharsets.UTF_8)));
        ledger.hops().state(entry.position(), IpfsHop.NAME).ifPresent(state -> root.putObject("ipfs").put("state", state.state())
                .put("cid", state.detail()));
        ledger.hops().state(entry.position(), ChainHop.HOP).ifPresent(state -> root.set("transaction", transaction(state)));
        ledger.batches().containing(entry.position()).ifPresent(batch -> root.set("batch", batch(batch)));
        root.put("anchored", root.path("transaction").path("state").asText().equals(ChainHop.CONFIRMED)
                || root.path("batch").path("state").asText().equals(BatchHop.CONFIRMED));
        return root.toString();
    }

    /** The inclusion proof of an anchored reading of a Merkle batch, as {@code energyweb prove} prints it. */
    String proof(LedgerEntry entry) {
        return ProofJson.write(new BatchProver(ledger.dataDir()).prove(entry.meter(), entry.document().reading().seq(), null));
    }

    private static ObjectNode transaction(HopState state) {
        ObjectNode node = JSON.createObjectNode().put("state", state.state());
        JsonNode detail = parse(state.detail());
        node.set("detail", detail);
        return node;
    }

    private static ObjectNode batch(BatchRecord batch) {
        ObjectNode node = JSON.createObjectNode().put("id", batch.id()).put("state", batch.state()).put("size", batch.size())
                .put("root", Sha256.hex(batch.root())).put("manifestCid", batch.manifestCid());
        node.set("detail", parse(batch.detail()));
        return node;
    }

    /** A JSON detail as JSON, anything else as text. */
    private static JsonNode parse(String text) {
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
