package org.energyweb.fleet.worker;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The route set's beans refuse unsafe settings from its properties before anything connects, never showing a secret. */
class AnchorBeansTest {

    @Test
    void aDatabaseUrlCarryingThePasswordIsRefusedWithoutShowingIt() {
        Properties settings = settings("jdbc:postgresql://127.0.0.1:1/energyweb?user=anchors&password=s3cret-value");

        String failure = failureOf(settings);

        assertThat(failure).contains("pgpass").doesNotContain("s3cret-value");
    }

    @Test
    void plainTextToABrokerOffLoopbackIsRefusedUnlessAllowed() {
        Properties settings = settings("jdbc:postgresql://127.0.0.1:1/energyweb?user=anchors");
        settings.setProperty("energyweb.anchor.brokers", "192.0.2.7:9092");

        assertThat(failureOf(settings)).contains("PLAINTEXT sends readings unencrypted to 192.0.2.7:9092");
    }

    @Test
    void aWrongKeystorePasswordFailsTheStartSayingSoWithoutThePasswords(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("service.json");
        Keystore.write(keystore, AnvilPeer.ACCOUNT_1.getEcKeyPair(), "right-horse-battery".toCharArray(), Keystore.Strength.LIGHT);
        Properties settings = settings("jdbc:postgresql://127.0.0.1:1/energyweb?user=anchors");
        settings.setProperty("energyweb.anchor.rpcUrl", "http://127.0.0.1:1");
        settings.setProperty("energyweb.anchor.contract", "0x" + "ab".repeat(20));
        settings.setProperty("energyweb.anchor.keystore", keystore.toString());
        settings.setProperty("energyweb.anchor.passwordFile", Files.writeString(dir.resolve("password"), "wrong-staple-guess\n").toString());

        String failure = failureOf(settings);

        assertThat(failure).contains("wrong password for keystore " + keystore).doesNotContain("wrong-staple-guess", "right-horse-battery");
    }

    private static Properties settings(String jdbcUrl) {
        Properties settings = new Properties();
        settings.setProperty("energyweb.anchor.brokers", "127.0.0.1:1");
        settings.setProperty("energyweb.anchor.workerId", "worker-refused");
        settings.setProperty("energyweb.anchor.jdbcUrl", jdbcUrl);
        return settings;
    }

    /** The worker's start failure with all its causes, as a log would show it. */
    private static String failureOf(Properties settings) {
        Throwable failure = catchThrowable(new AnchorWorker(settings)::run);
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
