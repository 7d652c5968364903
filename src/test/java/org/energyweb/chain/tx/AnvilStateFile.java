package org.energyweb.chain.tx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a persistent anvil wrote to its state file: all that a killed node starts again from.
 *
 * <p>anvil writes the file in place, every {@code --state-interval}, and reads the account
 * nonces and the mined transactions at slightly different moments: under load a write can hold
 * an account nonce past the last transaction it holds from that account. A node started from
 * such a file counts those nonces as used although no transaction uses them, so a sender has to
 * anchor the readings that had them with new nonces.
 */
final class AnvilStateFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnvilStateFile() {
    }

    /** Waits for a complete write made after this call, holding the chain up to at least {@code block}. */
    static JsonNode awaitNextWrite(Path stateFile, long block) throws Exception {
        FileTime before = Files.exists(stateFile) ? Files.getLastModifiedTime(stateFile) : FileTime.fromMillis(0);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(stateFile) && Files.getLastModifiedTime(stateFile).compareTo(before) > 0) {
                try {
                    JsonNode state = JSON.readTree(stateFile.toFile());
                    if (bestBlock(state) >= block) {
                        return state;
                    }
                } catch (JsonProcessingException stillBeingWritten) {
                    // Read mid-write: the complete file follows.
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("anvil did not write block " + block + " to " + stateFile);
    }

    /** The file as it is now; a node killed mid-write leaves one it cannot start from. */
    static JsonNode read(Path stateFile) throws IOException {
        try {
            return JSON.readTree(stateFile.toFile());
        } catch (JsonProcessingException e) {
            throw new AssertionError("anvil was killed while writing " + stateFile + "; it cannot start from it", e);
        }
    }

    static long bestBlock(JsonNode state) {
        return state.path("best_block_number").asLong(-1);
    }

    /**
     * Raises {@code address}'s account nonce in the file by {@code count}, as a write made while a
     * block was being stored does, for a node started from it next.
     *
     * @return the nonces the node will count as used without any transaction
     */
    static Set<Long> burnNonces(Path stateFile, String address, int count) throws IOException {
        ObjectNode state = (ObjectNode) read(stateFile);
        ObjectNode account = (ObjectNode) state.path("accounts").path(address.toLowerCase());
        long accountNonce = nonce(account);
        account.put("nonce", accountNonce + count);
        JSON.writeValue(stateFile.toFile(), state);
        Set<Long> burnt = new TreeSet<>();
        for (long nonce = accountNonce; nonce < accountNonce + count; nonce++) {
            burnt.add(nonce);
        }
        return burnt;
    }

    /** Nonces below {@code address}'s account nonce that no transaction in the file uses, from {@code from} on. */
    static Set<Long> noncesWithoutTransaction(JsonNode state, String address, long from) {
        long accountNonce = nonce(state.path("accounts").path(address.toLowerCase()));
        Set<Long> used = new HashSet<>();
        for (JsonNode transaction : state.path("transactions")) {
            if (transaction.path("info").path("from").asText().equalsIgnoreCase(address)) {
                used.add(transaction.path("info").path("nonce").asLong());
            }
        }
        Set<Long> without = new TreeSet<>();
        for (long nonce = from; nonce < accountNonce; nonce++) {
            if (!used.contains(nonce)) {
                without.add(nonce);
            }
        }
        return without;
    }

    private static long nonce(JsonNode account) {
        JsonNode nonce = account.path("nonce");
        // A number in anvil 1.x; older releases wrote a hex quantity.
        return nonce.isTextual() ? Long.decode(nonce.asText()) : nonce.asLong();
    }
}
