package org.energyweb.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.reading.CanonicalJson;
import org.energyweb.reading.Sha256;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The definitions of field-level proofs (docs/field-proofs.md), shared by prover and verifier so that
 * both compute exactly the same bytes:
 * <ul>
 *   <li>salt(name) = HMAC-SHA256(seed, UTF-8(name)), 32 bytes;</li>
 *   <li>field leaf input = JCS(name) || JCS(value) || salt, hashed as an RFC 9162 leaf;</li>
 *   <li>schema hash = SHA-256(JCS([names in sorted order]));</li>
 *   <li>field root = SHA-256(0x02 || schema hash || RFC 9162 root of the field leaves).</li>
 * </ul>
 * JCS is RFC 8785 canonical JSON. The name literal ends at its closing quote and the salt has a fixed
 * length, so the three parts of a leaf input cannot be shifted into one another.
 */
final class FieldScheme {

    static final int SALT_LENGTH = 32;
    static final int SEED_LENGTH = 32;
    /** Distinct from RFC 9162's 0x00 (leaf) and 0x01 (node): a field root is neither. */
    private static final byte FIELD_ROOT_PREFIX = 0x02;
    private static final String HMAC_SHA256 = "HmacSHA256";
    /** Looking the algorithm up costs more than the HMAC of a field name; each thread keeps one. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(FieldScheme::newHmac);

    private FieldScheme() {
    }

    static byte[] salt(byte[] seed, String name) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a salt seed has " + SEED_LENGTH + " bytes, not " + seed.length);
        }
        return hmacSha256(seed, name.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HMAC-SHA256 refused the key", e);
        }
    }

    private static Mac newHmac() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HMAC-SHA256", e);
        }
    }

    /** @throws IllegalArgumentException when the value has no canonical form (NaN, infinity, lone surrogate) */
    static byte[] leafInput(String name, JsonNode value, byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("a salt has " + SALT_LENGTH + " bytes, not " + salt.length);
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream(64 + SALT_LENGTH);
        input.writeBytes(stringLiteral(name));
        input.writeBytes(CanonicalJson.canonicalize(value));
        input.writeBytes(salt);
        return input.toByteArray();
    }

    /** True for a non-empty list of names in strictly ascending RFC 8785 (UTF-16 code unit) order. */
    static boolean isSchema(List<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] fieldRoot(List<String> schema, byte[] fieldTreeRoot) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(FIELD_ROOT_PREFIX);
        digest.update(schemaHash(schema));
        digest.update(fieldTreeRoot);
        return digest.digest();
    }

    private static byte[] schemaHash(List<String> schema) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            CanonicalJson.appendString(schema.get(i), array);
        }
        return Sha256.digest(array.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] stringLiteral(String name) {
        StringBuilder literal = new StringBuilder(name.length() + 2);
        CanonicalJson.appendString(name, literal);
        return literal.toString().getBytes(StandardCharsets.UTF_8);
    }
}
