package org.energyweb.migrate;

import org.energyweb.ipfs.cid.Base58;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash ew-link-bond chained its storage files with and sent on chain: {@code 'Qm'} + base58btc(SHA-1 of the
 * file's bytes). It only looks like an IPFS address. The first file's predecessor is {@code '0x0'}.
 */
public final class BondFileHash {

    public static final String NONE = "0x0";

    private BondFileHash() {
    }

    public static String of(byte[] fileBytes) {
        try {
            return "Qm" + Base58.encode(MessageDigest.getInstance("SHA-1").digest(fileBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
