package org.energyweb.chain.tx;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

/**
 * Signs transactions locally: EIP-155 (chain id in the signature) for legacy fees, EIP-1559
 * otherwise. Signatures are deterministic (RFC 6979), so the same fields give the same
 * transaction hash, which is how a resent transaction is recognised after a restart.
 */
public final class Signer {

    private final Credentials credentials;
    private final long chainId;

    public Signer(Credentials credentials, long chainId) {
        this.credentials = credentials;
        this.chainId = chainId;
    }

    public String address() {
        return credentials.getAddress();
    }

    public long chainId() {
        return chainId;
    }

    /** @param to the contract called, or null to deploy {@code data} as a new contract */
    public SignedTransaction sign(long nonce, String to, String data, BigInteger gasLimit, Fees fees) {
        BigInteger n = BigInteger.valueOf(nonce);
        BigInteger key = credentials.getEcKeyPair().getPrivateKey();
        byte[] signed;
        if (fees.isLegacy()) {
            RawTransaction raw = RawTransaction.createTransaction(n, fees.maxFeePerGas(), gasLimit, to, BigInteger.ZERO, data);
            Sign.SignatureData signature = Secp256k1.sign(Hash.sha3(TransactionEncoder.encode(raw, chainId)), key);
            signed = TransactionEncoder.encode(raw, TransactionEncoder.createEip155SignatureData(signature, chainId));
        } else {
            RawTransaction raw = RawTransaction.createTransaction(chainId, n, gasLimit, to, BigInteger.ZERO, data,
                    fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
            signed = TransactionEncoder.encode(raw, Secp256k1.sign(Hash.sha3(TransactionEncoder.encode(raw)), key));
        }
        return new SignedTransaction(Numeric.toHexString(Hash.sha3(signed)), Numeric.toHexString(signed));
    }

    /** A signed transaction: its hash and the raw bytes for {@code eth_sendRawTransaction}. */
    public record SignedTransaction(String hash, String raw) {
    }
}
