package org.energyweb.chain.origin;

import org.energyweb.chain.events.AbiEvent;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

import java.util.List;

/** The {@code ReadingAnchor} contract: one Merkle root per batch of readings, with its metadata. */
public final class ReadingAnchorContract {

    public static final AbiEvent LOG_BATCH_ANCHORED = AbiEvent.parse("LogBatchAnchored(uint256 indexed batchId, "
            + "bytes32 indexed root, address indexed submitter, uint256 size, uint256 firstPosition, "
            + "uint256 lastPosition, string manifestCid)");

    private ReadingAnchorContract() {
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
