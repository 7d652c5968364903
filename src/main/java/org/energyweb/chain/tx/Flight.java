package org.energyweb.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The transaction of one key on its way: owned by the pipeline's sender until broadcast, then by
 * its receipt tracker. Its detail (JSON, kept by the journal) holds everything needed to sign it
 * again after a restart.
 */
final class Flight {

    private static final ObjectMapper JSON = new ObjectMapper();

    final long key;
    final TxCall call;
    final CompletableFuture<Anchored> result = new CompletableFuture<>();

    /** Submitted and not yet compared with what the journal already records for the key. */
    boolean unchecked;
    long nonce = -1;
    BigInteger gasLimit;
    Fees fees;
    /** Every hash ever signed for this nonce: any of them may be the one that gets mined. */
    final List<String> hashes = new ArrayList<>();
    /** When the tracker should next (re)broadcast, in System.nanoTime terms. */
    long nextAttemptAt;
    /** Whether that broadcast is a replacement that must pay more. */
    boolean bumpNext;
    /** The account's nonce moved past ours while none of our hashes had a receipt: checked once more. */
    boolean nonceSeenTaken;
    /** Set once mined: the block and transaction, until confirmed or undone by a reorganisation. */
    long minedBlock = -1;
    String minedBlockHash;
    String minedTransaction;
    /** The gas its mined receipt says it used. */
    BigInteger minedGasUsed = BigInteger.ZERO;

    Flight(long key, TxCall call) {
        this.key = key;
        this.call = call;
    }

    boolean isMined() {
        return minedBlock >= 0;
    }

    void unmine() {
        minedBlock = -1;
        minedBlockHash = null;
        minedTransaction = null;
        minedGasUsed = BigInteger.ZERO;
    }

    /** Back to a fresh start: the nonce was used by another transaction, so a new one is needed. */
    void forgetNonce() {
        nonce = -1;
        hashes.clear();
        nonceSeenTaken = false;
        bumpNext = false;
        unmine();
    }

    /** What the journal keeps of the transaction signed by {@code signer}. */
    String detail(Signer signer) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("chainId", signer.chainId());
        detail.put("from", signer.address());
        detail.put("nonce", nonce);
        detail.put("to", call.to());
        detail.put("data", call.data());
        detail.put("gas", gasLimit.toString());
        detail.put("maxFee", fees.maxFeePerGas().toString());
        if (!fees.isLegacy()) {
            detail.put("priorityFee", fees.maxPriorityFeePerGas().toString());
        }
        if (!hashes.isEmpty()) {
            hashes.forEach(detail.putArray("tx")::add);
        }
        if (isMined()) {
            detail.put("block", minedBlock);
            detail.put("blockHash", minedBlockHash);
            detail.put("minedTx", minedTransaction);
        }
        return detail.toString();
    }

    static JsonNode parse(String detail) {
        try {
            return JSON.readTree(detail);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable chain hop detail: " + detail, e);
        }
    }

    /** A flight rebuilt from its recorded detail, to be broadcast again from its own nonce and fees. */
    static Flight resumed(long key, JsonNode detail) {
        Flight flight = new Flight(key, new TxCall(detail.path("to").asText(), detail.path("data").asText()));
        flight.carryOn(detail);
        return flight;
    }

    /** Takes the nonce, gas, fees and hashes of the transaction recorded in {@code detail}, which must make this flight's call. */
    void carryOn(JsonNode detail) {
        if (!call.to().equalsIgnoreCase(detail.path("to").asText()) || !call.data().equalsIgnoreCase(detail.path("data").asText())) {
            throw new IllegalStateException("key " + key + " is recorded in flight with another call than the one submitted");
        }
        nonce = detail.path("nonce").asLong();
        gasLimit = new BigInteger(detail.path("gas").asText());
        BigInteger maxFee = new BigInteger(detail.path("maxFee").asText());
        fees = detail.has("priorityFee") ? Fees.eip1559(maxFee, new BigInteger(detail.path("priorityFee").asText())) : Fees.legacy(maxFee);
        detail.path("tx").forEach(hash -> hashes.add(hash.asText()));
    }

    Anchored anchored() {
        return new Anchored(key, nonce, minedTransaction, minedBlock, minedBlockHash);
    }

    @Override
    public String toString() {
        return "key " + key + " nonce " + nonce;
    }
}
