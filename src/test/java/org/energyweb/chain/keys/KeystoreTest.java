package org.energyweb.chain.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeystoreTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aCreatedKeyUnlocksWithItsPasswordToTheSameAddress() {
        Path file = dir.resolve("key.json");
        String address = Keystore.create(file, PASSWORD, Keystore.Strength.LIGHT);
        Credentials credentials = Keystore.unlock(file, PASSWORD);
        assertThat(credentials.getAddress()).isEqualTo(address);
        assertThat(Keystore.address(file)).isEqualTo(address);
    }

    @Test
    void aKeystoreIsAScryptV3File() throws Exception {
        Path file = dir.resolve("key.json");
        Keystore.create(file, PASSWORD, Keystore.Strength.LIGHT);
        String json = Files.readString(file);
        assertThat(json).contains("\"version\":3").contains("\"kdf\":\"scrypt\"");
    }

    @Test
    void aWrongPasswordIsReportedWithoutKeyMaterial() {
        Path file = dir.resolve("key.json");
        Keystore.create(file, PASSWORD, Keystore.Strength.LIGHT);
        assertThatThrownBy(() -> Keystore.unlock(file, "wrong".toCharArray()))
                .isInstanceOf(KeystoreException.class)
                .hasMessage("wrong password for keystore " + file)
                .hasNoCause();
    }

    @Test
    void aMissingKeystoreIsReported() {
        assertThatThrownBy(() -> Keystore.unlock(dir.resolve("none.json"), PASSWORD))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aMalformedKeystoreIsReported() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> Keystore.unlock(file, PASSWORD)).hasMessageContaining("is malformed");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> Keystore.unlock(file, PASSWORD)).hasMessageContaining("is malformed");
    }

    @Test
    void anExistingKeystoreIsNeverOverwritten() {
        Path file = dir.resolve("key.json");
        String first = Keystore.create(file, PASSWORD, Keystore.Strength.LIGHT);
        assertThatThrownBy(() -> Keystore.create(file, PASSWORD, Keystore.Strength.LIGHT)).hasMessageContaining("already exists");
        assertThat(Keystore.address(file)).isEqualTo(first);
    }
}
