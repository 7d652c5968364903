package org.energyweb.embedding;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.tx.Fees;
import org.energyweb.chain.tx.Signer;
import org.energyweb.ledger.camel.LedgerComponent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What an application embedding Energyweb beside camel-web3j gets: one logging backend, a ledger, working signing on both sides. */
@SpringBootTest
class EmbeddedEnergywebTest {

    private static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("energyweb-embedding");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("energyweb.data", () -> WORK.resolve("data").toString());
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Test
    void startsWithTheApplicationsLoggingBackendAsTheOnlySlf4jProvider() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()))
                .containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("ch.qos.logback.");
    }

    @Test
    void ledgersSimulatedReadingsWithoutALedgerBean() {
        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerComponent.of(camel, WORK.resolve("data").toString()).size() >= 6);
    }

    @Test
    void signsATransactionThatCamelWeb3jsWeb3jDecodesToTheKeysAddress() throws Exception {
        Path keystore = WORK.resolve("key.json");
        String address = Keystore.create(keystore, "embedded".toCharArray(), Keystore.Strength.LIGHT);
        Signer signer = new Signer(Keystore.unlock(keystore, "embedded".toCharArray()), 1337);

        Signer.SignedTransaction signed = signer.sign(0, "0x000000000000000000000000000000000000dEaD", "0x",
                BigInteger.valueOf(21_000), Fees.legacy(BigInteger.valueOf(1_000_000_000L)));

        // web3j 5.0.0, as camel-web3j brings it: its own classes read our transaction
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.raw());
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(address);
        assertThat(decoded.getChainId()).isEqualTo(1337L);
    }

    @Test
    void camelWeb3jKeepsItsHttpClient() {
        // nothing listens on port 1: the request must fail on the connection, not on a missing class
        assertThatThrownBy(() -> template.requestBody("web3j://http://127.0.0.1:1?operation=WEB3_CLIENT_VERSION", (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().isInstanceOf(IOException.class);
    }
}
