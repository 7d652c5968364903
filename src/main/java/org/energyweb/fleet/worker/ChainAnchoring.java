package org.energyweb.fleet.worker;

import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.RpcException;
import org.energyweb.chain.tx.FeeOracle;
import org.energyweb.chain.tx.Fees;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Anchors a partition's formed batches on the {@code ReadingAnchor} contract with the service's own
 * key, one transaction per batch, from the worker's thread: each batch's transaction is signed and
 * stored in the database before it is broadcast ({@link BatchChainStore#sign}), then its receipt is
 * looked for and recorded. What is signed and not mined is broadcast again, byte for byte, after
 * {@code resendAfter} or by the next owner of the partition, so a crash anywhere sends the same
 * transaction again rather than a second one; and the contract refuses a root anchored before.
 * Positions on chain are the batch's first and last offsets in its partition.
 */
final class ChainAnchoring {

    private static final Logger LOG = LoggerFactory.getLogger(ChainAnchoring.class);

    /**
     * @param contract    the {@code ReadingAnchor} contract's address
     * @param resendAfter how long a signed transaction may stay without a receipt before it is broadcast again
     */
    record Options(String contract, Duration resendAfter) {
    }

    private final Eth eth;
    private final Signer signer;
    private final FeeOracle fees;
    private final Options options;
    /** When each batch's transaction was last broadcast by this worker (System.nanoTime); absent: never. */
    private final Map<Long, Long> broadcastAt = new HashMap<>();

    ChainAnchoring(Eth eth, Credentials credentials, Options options) {
        this.eth = eth;
        this.signer = new Signer(credentials, eth.chainId());
        this.fees = new FeeOracle(eth);
        this.options = options;
    }

    /** Records what was mined, sends what was formed, and broadcasts again what waits too long. */
    void step(PartitionClaim claim, BatchChainStore store) {
        for (BatchChainStore.Signed signed : store.signed(claim)) {
            track(claim, store, signed);
        }
        for (BatchChainStore.Formed formed : store.formed(claim)) {
            send(claim, store, formed);
        }
    }

    private void track(PartitionClaim claim, BatchChainStore store, BatchChainStore.Signed signed) {
        // the count before the receipt: a transaction of ours mined in between has its receipt by then
        long used = eth.transactionCount(signer.address(), "latest");
        Optional<Receipt> receipt = eth.receipt(signed.transactionHash());
        if (receipt.isPresent()) {
            broadcastAt.remove(signed.id());
            if (receipt.get().succeeded()) {
                store.anchored(claim, signed.id(), receipt.get().transactionHash(), receipt.get().blockNumber(), receipt.get().blockHash());
                LOG.info("batch {} of {}-{} anchored in block {} by {}", signed.id(), claim.topic(), claim.partition(),
                        receipt.get().blockNumber(), receipt.get().transactionHash());
            } else {
                store.dead(claim, signed.id(), "reverted in block " + receipt.get().blockNumber());
                LOG.warn("batch {} of {}-{}: its transaction {} reverted in block {}", signed.id(), claim.topic(), claim.partition(),
                        signed.transactionHash(), receipt.get().blockNumber());
            }
        } else if (used > signed.nonce()) {
            broadcastAt.remove(signed.id());
            store.nonceTakenElsewhere(claim, signed.id());
            LOG.warn("nonce {} of {} was used by another transaction; batch {} gets a new one", signed.nonce(), signer.address(), signed.id());
        } else {
            Long last = broadcastAt.get(signed.id());
            if (last == null || System.nanoTime() - last >= options.resendAfter().toNanos()) {
                broadcast(signed);
            }
        }
    }

    private void send(PartitionClaim claim, BatchChainStore store, BatchChainStore.Formed formed) {
        String data = FunctionEncoder.encode(ReadingAnchorContract.anchor(formed.root(), formed.size(), formed.firstOffset(),
                formed.lastOffset(), ""));
        BigInteger gas;
        try {
            gas = GasPolicy.DEFAULT.limit(eth.estimateGas(signer.address(), options.contract(), data));
        } catch (RevertException | GasPolicy.GasCapExceededException refused) {
            String reason = refused instanceof RevertException revert ? revert.reason() : refused.getMessage();
            store.dead(claim, formed.id(), reason);
            LOG.warn("batch {} of {}-{} is not anchored: {}", formed.id(), claim.topic(), claim.partition(), reason);
            return;
        }
        Fees now = fees.current();
        long chainNonce = eth.transactionCount(signer.address(), "latest");
        store.sign(claim, formed.id(), signer.chainId(), options.contract(), signer.address(), chainNonce, nonce -> {
            Signer.SignedTransaction tx = signer.sign(nonce, options.contract(), data, gas, now);
            return new BatchChainStore.Signature(tx.hash(), tx.raw());
        }).ifPresent(this::broadcast);
    }

    private void broadcast(BatchChainStore.Signed signed) {
        broadcastAt.put(signed.id(), System.nanoTime());
        try {
            eth.sendRaw(signed.rawTransaction());
        } catch (RpcException e) {
            // "already known" or "nonce too low" when a copy got there first; the receipt tells
            if (!e.says("already known") && !e.says("nonce too low")) {
                LOG.warn("node refused the transaction of batch {} (nonce {}), sent again in {}: {}", signed.id(), signed.nonce(),
                        options.resendAfter(), e.getMessage());
            }
        }
    }
}
