package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.RpcException;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * One transaction at a time, sent and then waited for: for deploying and onboarding, where each
 * step needs the previous one mined. Readings go through the {@link TransactionPipeline} instead.
 */
public final class DirectTransactor {

    private final Eth eth;
    private final Signer signer;
    private final FeeOracle fees;
    private final GasPolicy gas;
    private final Duration pollInterval;
    private final Duration timeout;

    public DirectTransactor(Eth eth, Signer signer, GasPolicy gas, Duration pollInterval, Duration timeout) {
        this.eth = eth;
        this.signer = signer;
        this.fees = new FeeOracle(eth);
        this.gas = gas;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /**
     * Sends and waits until mined.
     *
     * @param to null to deploy {@code data}
     * @throws RevertException when the call would revert (nothing is sent) or reverted when mined
     */
    public Receipt execute(String to, String data) {
        BigInteger gasLimit = gas.limit(eth.estimateGas(signer.address(), to, data));
        long nonce = eth.transactionCount(signer.address(), "pending");
        Signer.SignedTransaction tx = signer.sign(nonce, to, data, gasLimit, fees.current());
        try {
            eth.sendRaw(tx.raw());
        } catch (RpcException e) {
            if (!e.says("already known")) {
                throw e;
            }
        }
        Receipt receipt = awaitReceipt(tx.hash());
        if (!receipt.succeeded()) {
            throw new RevertException("transaction " + tx.hash() + " reverted in block " + receipt.blockNumber(), null);
        }
        return receipt;
    }

    private Receipt awaitReceipt(String hash) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Receipt> receipt = eth.receipt(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + hash);
            }
        }
        throw new IllegalStateException("transaction " + hash + " was not mined within " + timeout);
    }
}
