package org.energyweb.fleet.gateway;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.energyweb.batch.NotAnchoredException;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The gateway's end of the results topic: the anchor service sends, per anchored reading, its
 * inclusion proof keyed by gateway; this records it on the reading's {@code fleet} hop (state
 * {@code anchored}, the proof JSON as detail), so {@code energyweb status} counts the gateway's
 * readings anchored by the service and {@code energyweb prove} prints their proofs. A proof is
 * recorded only when its path leads to its root from the document this ledger holds; another
 * gateway's result is skipped. Used through {@code class:org.energyweb.fleet.gateway.FleetResults?bean.gatewayId=...}.
 */
public class FleetResults {

    /** The hop of a reading anchored by the fleet's anchor service. */
    public static final String HOP = "fleet";
    public static final String ANCHORED = "anchored";

    private String gatewayId;
    private String dataDir;

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    /** Records the proof in the message body on its reading's fleet hop, and waits until it is committed. */
    public void record(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        if (!gatewayId.equals(text(message.getHeader(FleetRecord.GATEWAY)))) {
            return;
        }
        byte[] json = message.getMandatoryBody(byte[].class);
        if (!(ProofJson.read(json) instanceof InclusionProof proof)) {
            throw new IllegalArgumentException("a result of the anchor service is not an inclusion proof");
        }
        Verification verification = ProofVerifier.hashesOnly().verify(proof);
        if (!verification.valid()) {
            throw new IllegalArgumentException("the anchor service's proof does not hold: " + verification.reason());
        }
        Ledger ledger = LedgerComponent.of(exchange.getContext(), dataDir);
        LedgerEntry entry = ledger.findBySha256(proof.leaf())
                .orElseThrow(() -> new IllegalArgumentException("the anchor service names a reading this ledger does not hold"));
        if (!Arrays.equals(entry.document().bytes(), proof.document())) {
            throw new IllegalArgumentException("the anchor service's proof is for another document than reading " + entry);
        }
        ledger.hops().recordAndWait(entry.position(), HOP, ANCHORED, new String(json, StandardCharsets.UTF_8));
    }

    /**
     * The proof the anchor service sent for a reading of the ledger in {@code dataDir}, read without
     * its lock.
     *
     * @throws NotAnchoredException when none was received (yet)
     */
    public static Proof proof(Path dataDir, String meter, long seq) {
        LedgerEntry entry = Batches.readOnly(dataDir).reading(meter, seq)
                .orElseThrow(() -> new IllegalArgumentException("no reading " + meter + "#" + seq + " in " + dataDir));
        HopState state = Hops.stateReadOnly(dataDir, entry.position(), HOP)
                .filter(recorded -> ANCHORED.equals(recorded.state()))
                .orElseThrow(() -> new NotAnchoredException("reading " + meter + "#" + seq + " is not anchored yet"));
        return ProofJson.read(state.detail().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : header == null ? null : header.toString();
    }
}
