package org.energyweb.tlog.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The checkpoints a gateway anchored, as its ledger recorded them: the confirmed rows of hop
 * {@value Hops#CHECKPOINT_TRANSACTION_HOP}, each with what its transaction sent ({@code anchorCheckpoint}'s arguments,
 * decoded from the recorded call data) and where it was mined.
 */
public final class AnchoredCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One anchored checkpoint.
     *
     * @param root        the RFC 9162 root hash
     * @param cid         the CID of the signed note on IPFS
     * @param transaction the hash of the transaction that was mined
     */
    public record Anchored(long size, byte[] root, String origin, String cid, long chainId, String contract, String from,
                           String transaction, long block, String blockHash) {
    }

    private AnchoredCheckpoints() {
    }

    /** The confirmed checkpoints of {@code dataDir}'s ledger, by size; read without the folder's lock, so a gateway may run. */
    public static List<Anchored> read(Path dataDir) {
        return Hops.withStateReadOnly(dataDir, Hops.CHECKPOINT_TRANSACTION_HOP, List.of(ChainHop.CONFIRMED)).stream()
                .map(AnchoredCheckpoints::anchored).toList();
    }

    private static Anchored anchored(HopState row) {
        JsonNode detail = parse(row.detail());
        // The call as sent: anchorCheckpoint(origin, size, root, checkpointCid), after its 4-byte selector.
        Function call = ReadingAnchorContract.anchorCheckpoint("", 0, new byte[32], "");
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Type> arguments = FunctionReturnDecoder.decode(detail.path("data").asText().substring(10), (List) call.getInputParameters()
                .stream().map(parameter -> org.web3j.abi.TypeReference.create(parameter.getClass())).toList());
        return new Anchored(((BigInteger) arguments.get(1).getValue()).longValueExact(), (byte[]) arguments.get(2).getValue(),
                (String) arguments.get(0).getValue(), (String) arguments.get(3).getValue(), detail.path("chainId").asLong(),
                detail.path("to").asText(), detail.path("from").asText(), detail.path("minedTx").asText(), detail.path("block").asLong(),
                detail.path("blockHash").asText());
    }

    private static JsonNode parse(String detail) {
        try {
            return JSON.readTree(detail);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("the ledger holds an unreadable checkpoint transaction: " + e.getMessage(), e);
        }
    }

    /** The checkpoints as a JSON array (docs/transparency-log.md, "energyweb log checkpoints"). */
    public static String json(List<Anchored> checkpoints) {
        ArrayNode array = JSON.createArrayNode();
        for (Anchored checkpoint : checkpoints) {
            array.addObject()
                    .put("size", checkpoint.size())
                    .put("root", HexFormat.of().formatHex(checkpoint.root()))
                    .put("origin", checkpoint.origin())
                    .put("cid", checkpoint.cid())
                    .put("chainId", checkpoint.chainId())
                    .put("contract", checkpoint.contract())
                    .put("from", checkpoint.from())
                    .put("transaction", checkpoint.transaction())
                    .put("block", checkpoint.block())
                    .put("blockHash", checkpoint.blockHash());
        }
        return array.toString();
    }
}
