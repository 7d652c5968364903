package org.energyweb.tlog;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogKeysTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedLogKeyUnlocksWithItsPasswordAndSignsCheckpointsItsVerifierKeyAccepts() throws Exception {
        Path file = dir.resolve("log-key.json");
        NoteVerifier verifier = LogKeys.create(file, "correct horse".toCharArray(), "gateway.example/log", Keystore.Strength.LIGHT);

        NoteSigner signer = LogKeys.unlock(file, "correct horse".toCharArray());
        SignedNote note = SignedNote.sign(new Checkpoint("gateway.example/log", 0, new byte[32]).text(), signer);

        assertThat(signer.verifier()).isEqualTo(verifier);
        assertThat(note.verifiedBy(List.of(NoteVerifier.parse(verifier.text())))).containsExactly(verifier);
        assertThat(Files.readString(file)).contains("\"crypto\"").contains("scrypt");
        assertThat(LogKeys.verifier(file)).isEqualTo(verifier);
        assertThat(Files.readString(dir.resolve("log-key.vkey"))).isEqualTo(verifier.text() + "\n");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingItAndAKeyIsNeverOverwritten() {
        Path file = dir.resolve("log-key.json");
        LogKeys.create(file, "correct horse".toCharArray(), "gateway.example/log", Keystore.Strength.LIGHT);

        assertThatThrownBy(() -> LogKeys.unlock(file, "battery staple".toCharArray()))
                .isInstanceOf(KeystoreException.class).hasMessageContaining("wrong password").hasMessageNotContaining("battery");
        assertThatThrownBy(() -> LogKeys.create(file, "x".toCharArray(), "gateway.example/log", Keystore.Strength.LIGHT))
                .isInstanceOf(KeystoreException.class).hasMessageContaining("never overwritten");
    }
}
