package org.energyweb.chain.origin;

import org.energyweb.chain.events.AbiEvent;
import org.energyweb.chain.rpc.Eth;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

import java.math.BigInteger;
import java.util.List;

/**
 * The {@code ReadingAnchor} contract: one Merkle root per batch of readings, with its metadata; and per
 * gateway transparency log, its latest anchored checkpoint.
 */
public final class ReadingAnchorContract {

    public static final AbiEvent LOG_BATCH_ANCHORED = AbiEvent.parse("LogBatchAnchored(uint256 indexed batchId, "
            + "bytes32 indexed root, address indexed submitter, uint256 size, uint256 firstPosition, "
            + "uint256 lastPosition, string manifestCid)");

    public static final AbiEvent LOG_CHECKPOINT_ANCHORED = AbiEvent.parse("LogCheckpointAnchored(bytes32 indexed logId, "
            + "address indexed submitter, string origin, uint64 size, bytes32 root, string checkpointCid)");

    /** The last checkpoint anchored for a log; size 0 when none was. */
    public record LogHead(long size, byte[] root, String checkpointCid, long blockNumber) {
    }

    private ReadingAnchorContract() {
    }

    /**
     * Anchors a checkpoint (c2sp.org/tlog-checkpoint) of the sender's log {@code origin}; the contract
     * refuses a size that does not grow.
     *
     * @param checkpointCid the IPFS CID of the signed checkpoint
     */
    public static Function anchorCheckpoint(String origin, long size, byte[] root, String checkpointCid) {
        return new Function("anchorCheckpoint", List.of(new Utf8String(origin), new Uint64(size), new Bytes32(root),
                new Utf8String(checkpointCid)), List.of());
    }

    /** Reads the last anchored checkpoint of {@code submitter}'s log {@code origin}. */
    public static LogHead logHead(Eth eth, String contract, String submitter, String origin) {
        Function function = new Function("logHead", List.of(new Address(submitter), new Utf8String(origin)),
                List.of(new TypeReference<Uint64>() { }, new TypeReference<Bytes32>() { }, new TypeReference<Utf8String>() { },
                        new TypeReference<Uint256>() { }));
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Type> values = FunctionReturnDecoder.decode(eth.call(null, contract, FunctionEncoder.encode(function), "latest"),
                (List) function.getOutputParameters());
        return new LogHead(((BigInteger) values.get(0).getValue()).longValueExact(), (byte[]) values.get(1).getValue(),
                (String) values.get(2).getValue(), ((BigInteger) values.get(3).getValue()).longValueExact());
    }

    /**
     * @param firstPosition the ledger position of the first reading in the batch
     * @param lastPosition  the ledger position of the last one
     * @param manifestCid   the IPFS CID of the batch manifest (the list of leaves)
     */
    public static Function anchor(byte[] root, long size, long firstPosition, long lastPosition, String manifestCid) {
        return new Function("anchor", List.of(new Bytes32(root), new Uint256(size), new Uint256(firstPosition),
                new Uint256(lastPosition), new Utf8String(manifestCid)), List.of());
    }
}
