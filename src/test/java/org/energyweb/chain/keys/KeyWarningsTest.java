package org.energyweb.chain.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.WalletFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyWarningsTest {

    private static final String SECRET = "Tr0ub4dor&3-horse";

    @TempDir
    Path dir;

    private WalletFile lightKeystore(Path file) throws Exception {
        Keystore.create(file, SECRET.toCharArray(), Keystore.Strength.LIGHT);
        return new ObjectMapper().readValue(file.toFile(), WalletFile.class);
    }

    @Test
    void aLightKeystoreIsWarnedAboutNamingItsScryptParameters() throws Exception {
        Path file = dir.resolve("light.json");

        assertThat(KeyWarnings.ofKeystore(file, lightKeystore(file))).singleElement().satisfies(warning -> {
            assertThat(warning).contains(file.toString(), "weak scrypt parameters", "N=4096", "p=6");
            assertThat(warning).doesNotContain(SECRET);
        });
    }

    @Test
    void aKeystoreWithGethsStandardScryptCostGivesNoWarning() throws Exception {
        Path file = dir.resolve("standard.json");
        WalletFile wallet = lightKeystore(file);
        WalletFile.ScryptKdfParams params = (WalletFile.ScryptKdfParams) wallet.getCrypto().getKdfparams();
        params.setN(1 << 18);
        params.setP(1);

        assertThat(KeyWarnings.ofKeystore(file, wallet)).isEmpty();
    }

    @Test
    void aOneCharacterPasswordIsWarnedAboutWithoutShowingIt() {
        Path file = dir.resolve("k.json");

        assertThat(KeyWarnings.ofPassword(file, "Q".toCharArray())).hasValueSatisfying(warning -> {
            assertThat(warning).contains(file.toString(), "fewer than 8 characters");
            assertThat(warning).doesNotContain("Q");
        });
        assertThat(KeyWarnings.ofPassword(file, SECRET.toCharArray())).isEmpty();
    }

    @Test
    void anEmptyPasswordIsRefusedWhenAKeystoreIsCreated() {
        Path file = dir.resolve("empty.json");

        assertThatThrownBy(() -> Keystore.create(file, new char[0], Keystore.Strength.LIGHT))
                .isInstanceOf(KeystoreException.class)
                .hasMessageContaining("empty password");
        assertThat(file).doesNotExist();
    }

    @Test
    void aWorldReadablePasswordFileIsWarnedAboutAndAnOwnerOnlyOneIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(KeyWarnings.ofPasswordFile(file)).hasValueSatisfying(warning -> {
            assertThat(warning).contains(file.toString(), "readable by every user", "chmod 600");
            assertThat(warning).doesNotContain(SECRET);
        });

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyWarnings.ofPasswordFile(file)).isEmpty();
    }
}
