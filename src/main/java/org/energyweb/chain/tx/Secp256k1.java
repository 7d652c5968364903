package org.energyweb.chain.tx;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

/**
 * Recoverable secp256k1 signatures, the same bytes web3j's {@code Sign.signMessage} gives (RFC 6979
 * nonce, low s), but the recovery id is read from the nonce point R instead of found by trying up
 * to four public-key recoveries. That makes signing several times cheaper, and signing is what
 * bounds one key's transaction rate once sends are batched.
 */
final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** Signs a 32-byte message hash; v is 27 or 28 as web3j gives it before any EIP-155 adjustment. */
    static Sign.SignatureData sign(byte[] messageHash, BigInteger privateKey) {
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, messageHash);
        BigInteger e = new BigInteger(1, messageHash);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(privateKey.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                // Low s (EIP-2): negating s mirrors R, which flips the parity of its y.
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            return new Sign.SignatureData((byte) (27 + recoveryId), Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32));
        }
    }
}
