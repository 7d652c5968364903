package org.energyweb.fleet.gateway;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.energyweb.batch.NotAnchoredException;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.ResultsRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The gateway's end of the results topic: the anchor service sends, per anchored batch, this gateway's
 * readings of it with their leaf indexes and audit paths ({@link ResultsRecord}), keyed by gateway; this
 * rebuilds each reading's inclusion proof from the document its ledger holds and records it on the reading's
 * {@code fleet} hop (state {@code anchored}, the proof JSON as detail), so {@code energyweb status} counts the
 * gateway's readings anchored by the service and {@code energyweb prove} prints their proofs. A proof is recorded
 * only when its path leads to the batch's root from the ledger's document; a reading refused becomes a dead letter
 * (once, however often its results are delivered); another gateway's results are skipped.
 * Used through {@code class:org.energyweb.fleet.gateway.FleetResults?bean.gatewayId=...}.
 */
public class FleetResults {

    /** The hop of a reading anchored by the fleet's anchor service. */
    public static final String HOP = "fleet";
    public static final String ANCHORED = "anchored";
    private static final Logger LOG = LoggerFactory.getLogger(FleetResults.class);

    private String gatewayId;
    private String dataDir;

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Records the proofs of the readings of the results in the message body on their fleet hop, and waits until
     * they are committed. Readings refused (not in this ledger, another identity, a path that does not lead to the
     * root) are left out while the others are recorded, each recorded as a dead letter with its reason and logged;
     * taking the record again records the same proofs and no second dead letter.
     *
     * @throws IllegalArgumentException when the record is not results for this gateway
     */
    public void record(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        if (!gatewayId.equals(text(message.getHeader(FleetRecord.GATEWAY)))) {
            return;
        }
        ResultsRecord results = ResultsRecord.read(message.getMandatoryBody(byte[].class));
        if (!gatewayId.equals(results.gateway())) {
            throw new IllegalArgumentException("results headed for gateway " + gatewayId + " are for gateway " + results.gateway());
        }
        Ledger ledger = LedgerComponent.of(exchange.getContext(), dataDir);
        List<CompletableFuture<Void>> recorded = new ArrayList<>(results.readings().size());
        Map<ResultsRecord.Result, String> refused = new LinkedHashMap<>();
        for (ResultsRecord.Result reading : results.readings()) {
            try {
                LedgerEntry entry = entryOf(ledger, reading);
                recorded.add(ledger.hops().record(entry.position(), HOP, ANCHORED, ProofJson.write(proof(entry, results.path(reading)))));
            } catch (IllegalArgumentException e) {
                refused.put(reading, e.getMessage());
            }
        }
        awaitAll(recorded);
        String source = source(exchange);
        refused.forEach((reading, why) -> deadLetter(ledger, source, results.batch(), reading, why));
    }

    /**
     * Records a refused reading as a dead letter, unless an earlier delivery of its results did: the reason names
     * the batch and the reading, not the record's chunk or offset, so the same refusal is the same letter.
     */
    private static void deadLetter(Ledger ledger, String source, ResultsRecord.Batch batch, ResultsRecord.Result reading, String why) {
        String reason = "the anchor service's results for batch " + batch.id() + " of " + batch.topic() + "-" + batch.partition()
                + ": reading " + reading + " (SHA-256 " + HexFormat.of().formatHex(reading.sha256()) + ") refused: " + why;
        ledger.deadLetters().recordOnce(reading.meter(), source, reason, null)
                .ifPresent(letter -> LOG.warn("dead letter {}: meter {} ({}): {}", letter.id(), reading.meter(), source, reason));
    }

    /** The results topic the record came from; its brokers are left out, as the endpoint's options may hold credentials. */
    private static String source(Exchange exchange) {
        String topic = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        return topic == null ? "fleet results" : "kafka:" + topic;
    }

    private static LedgerEntry entryOf(Ledger ledger, ResultsRecord.Result reading) {
        LedgerEntry entry = ledger.findBySha256(reading.sha256())
                .orElseThrow(() -> new IllegalArgumentException("this ledger holds no reading of SHA-256 " + HexFormat.of().formatHex(reading.sha256())));
        if (!entry.meter().equals(reading.meter()) || entry.seq() != reading.seq()) {
            throw new IllegalArgumentException("its SHA-256 is reading " + entry.meter() + "#" + entry.seq() + " of this ledger");
        }
        return entry;
    }

    private static InclusionProof proof(LedgerEntry entry, BatchPath path) {
        InclusionProof proof = InclusionProof.of(entry.document().bytes(), path);
        Verification verification = ProofVerifier.hashesOnly().verify(proof);
        if (!verification.valid()) {
            throw new IllegalArgumentException("its proof does not hold: " + verification.reason());
        }
        return proof;
    }

    private static void awaitAll(List<CompletableFuture<Void>> recorded) {
        try {
            CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
