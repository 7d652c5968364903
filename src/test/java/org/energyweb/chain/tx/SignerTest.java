package org.energyweb.chain.tx;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Our signatures are byte for byte web3j's, for many keys and messages, in both transaction types. */
class SignerTest {

    private static final String TO = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final BigInteger GAS = BigInteger.valueOf(60_000);

    @Test
    void eip1559TransactionsAreSignedExactlyAsWeb3jSignsThem() throws Exception {
        for (int i = 0; i < 200; i++) {
            Credentials key = Credentials.create(Keys.createEcKeyPair());
            Fees fees = Fees.eip1559(BigInteger.valueOf(2_000_000_000L + i), BigInteger.valueOf(1_000_000_000L));
            String data = "0x2bc32e11" + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(i), 64);
            RawTransaction raw = RawTransaction.createTransaction(1337, BigInteger.valueOf(i), GAS, TO, BigInteger.ZERO, data,
                    fees.maxPriorityFeePerGas(), fees.maxFeePerGas());

            Signer.SignedTransaction ours = new Signer(key, 1337).sign(i, TO, data, GAS, fees);

            assertThat(ours.raw()).isEqualTo(Numeric.toHexString(TransactionEncoder.signMessage(raw, key)));
        }
    }

    @Test
    void legacyEip155TransactionsAreSignedExactlyAsWeb3jSignsThem() throws Exception {
        for (int i = 0; i < 200; i++) {
            Credentials key = Credentials.create(Keys.createEcKeyPair());
            String data = "0x7715ad90" + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(i), 64);
            RawTransaction raw = RawTransaction.createTransaction(BigInteger.valueOf(i), BigInteger.TEN, GAS, TO, BigInteger.ZERO, data);

            Signer.SignedTransaction ours = new Signer(key, 246).sign(i, TO, data, GAS, Fees.legacy(BigInteger.TEN));

            assertThat(ours.raw()).isEqualTo(Numeric.toHexString(TransactionEncoder.signMessage(raw, 246, key)));
        }
    }
}
