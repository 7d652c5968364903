package org.energyweb.tlog.monitor;

import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code LogCheckpointAnchored} event of the {@code ReadingAnchor} contract: a checkpoint of the log
 * {@code origin} anchored by {@code submitter}, with the CID of its signed note on IPFS. The size is the contract's
 * uint64, which may exceed any checkpoint's (anyone may anchor anything under an origin from another account).
 */
public record AnchoredCheckpoint(String origin, BigInteger size, byte[] root, String cid, String submitter, long block,
                                 String transaction, long logIndex) {

    /** Blocks per eth_getLogs request: providers cap the range one request may span. */
    static final long BLOCK_RANGE = 10_000;

    /**
     * Every checkpoint of the log {@code origin} anchored on {@code contract} from block {@code fromBlock} on, in block
     * (and log) order; only {@code submitter}'s when given. Without a submitter, every account's checkpoints under that
     * origin count: the contract keeps one log per submitter and origin, but one log key signing two histories
     * under two accounts is still a split view.
     */
    public static List<AnchoredCheckpoint> read(Eth eth, String contract, String origin, Optional<String> submitter, long fromBlock) {
        List<AnchoredCheckpoint> anchored = new ArrayList<>();
        long head = eth.blockNumber();
        for (long from = fromBlock; from <= head; from += BLOCK_RANGE) {
            for (Log log : eth.logs(contract, List.of(ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED.topic()), from,
                    Math.min(head, from + BLOCK_RANGE - 1))) {
                if (log.removed() || !ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED.matches(log)) {
                    continue;
                }
                AnchoredCheckpoint checkpoint = of(log);
                if (checkpoint.origin.equals(origin) && submitter.map(checkpoint.submitter::equalsIgnoreCase).orElse(true)) {
                    anchored.add(checkpoint);
                }
            }
        }
        anchored.sort(Comparator.comparingLong(AnchoredCheckpoint::block).thenComparingLong(AnchoredCheckpoint::logIndex));
        return anchored;
    }

    /** The checkpoint a log of the contract's {@code LogCheckpointAnchored} event announces. */
    public static AnchoredCheckpoint of(Log log) {
        Map<String, Object> event = ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED.decode(log);
        return new AnchoredCheckpoint((String) event.get("origin"), (BigInteger) event.get("size"),
                Numeric.hexStringToByteArray((String) event.get("root")), (String) event.get("checkpointCid"),
                (String) event.get("submitter"), log.blockNumber(), log.transactionHash(), log.logIndex());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** How a finding names it. */
    public String name() {
        return "checkpoint " + origin + " size " + size + " anchored in block " + block + " by " + submitter
                + " (transaction " + transaction + ", CID " + cid + ")";
    }
}
