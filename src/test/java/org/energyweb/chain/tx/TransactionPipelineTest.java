package org.energyweb.chain.tx;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline against a real anvil that mines each transaction at once. */
class TransactionPipelineTest extends OnDevChain {

    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final TransactionPipeline.Options FAST = TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50));

    @TempDir
    Path data;

    /** A fresh funded key per test, so tests do not share nonces. */
    static Credentials fundedKey(DevChain chain) throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        chain.eth.rpc().callAndWait("anvil_setBalance", key.getAddress(), "0x56BC75E2D63100000");
        return key;
    }

    static List<LedgerEntry> append(Ledger ledger, String meter, int count) {
        List<CompletableFuture<LedgerEntry>> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            appended.add(ledger.append(Measurement.of(meter, T0.plusSeconds(i), 1_000 + 10L * i, "test")));
        }
        return appended.stream().map(CompletableFuture::join).toList();
    }

    static List<CompletableFuture<Anchored>> submitAll(TransactionPipeline pipeline, Registry registry, String contract,
                                                      BigInteger asset, List<LedgerEntry> entries) {
        return entries.stream().map(e -> pipeline.submit(e.position(), registry.meterRead(contract, asset, e.document()))).toList();
    }

    static void awaitAll(List<CompletableFuture<Anchored>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    @Test
    void fiveHundredReadingsFromOneKeyAreEachAnchoredOnceWithContiguousNonces() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
            List<LedgerEntry> entries = append(ledger, "meter-1", 500);
            awaitAll(submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset, entries));

            AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                    asset, entries, key.getAddress(), firstNonce);
        }
    }

    @Test
    void theGasOfEveryConfirmedTransactionIsCountedAsItsReceiptSays() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST, metrics)) {
            List<CompletableFuture<Anchored>> anchored = submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset,
                    append(ledger, "meter-1", 5));
            awaitAll(anchored);

            BigInteger receipts = BigInteger.ZERO;
            for (CompletableFuture<Anchored> one : anchored) {
                receipts = receipts.add(chain.eth.receipt(one.join().transactionHash()).orElseThrow().gasUsed());
            }
            assertThat(receipts).isPositive();
            assertThat(metrics.get("energyweb.chain.gas.used").counter().count()).isEqualTo(receipts.doubleValue());
        }
    }

    @Test
    void aPipelineClosedMidBurstResumesFromTheLedgerWithoutDuplicateOrGap() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        long firstNonce = chain.eth.transactionCount(key.getAddress(), "pending");
        List<LedgerEntry> entries;
        try (Ledger ledger = Ledger.open(data)) {
            entries = append(ledger, "meter-1", 300);
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
                submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset, entries);
                while (ledger.hops().countByState(ChainHop.HOP).getOrDefault(ChainHop.CONFIRMED, 0L) < 50) {
                    Thread.sleep(5);
                }
            }
            assertThat(ledger.hops().withState(ChainHop.HOP, ChainHop.FINAL)).hasSizeLessThan(300);
        }
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
            // The restarted gateway submits every reading again, as a route replaying its outbox would.
            awaitAll(submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset, entries));

            AnchoringAudit.assertAnchoredExactlyOnce(ledger, chain.eth, Registry.PRODUCING, chain.contracts.producing(),
                    asset, entries, key.getAddress(), firstNonce);
        }
    }

    @Test
    void aConfirmedReadingSubmittedAgainIsNotSentAgain() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.CONSUMING, key);
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
            LedgerEntry entry = append(ledger, "meter-1", 1).get(0);
            Anchored first = pipeline.submit(entry.position(), Registry.CONSUMING.meterRead(chain.contracts.consuming(), asset, entry.document()))
                    .get(30, TimeUnit.SECONDS);
            long count = chain.eth.transactionCount(key.getAddress(), "latest");
            Anchored again = pipeline.submit(entry.position(), Registry.CONSUMING.meterRead(chain.contracts.consuming(), asset, entry.document()))
                    .get(30, TimeUnit.SECONDS);
            assertThat(again).isEqualTo(first);
            assertThat(chain.eth.transactionCount(key.getAddress(), "latest")).isEqualTo(count);
        }
    }

    @Test
    void aRevertIsReportedWithItsReasonRecordedDeadAndDeadLetteredWithoutSpendingANonce() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        chain.admin.setActive(chain.contracts.producing(), asset, false);
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
            LedgerEntry entry = append(ledger, "meter-1", 1).get(0);
            CompletableFuture<Anchored> result = pipeline.submit(entry.position(),
                    Registry.PRODUCING.meterRead(chain.contracts.producing(), asset, entry.document()));

            assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TransactionRejectedException.class)
                    .hasMessageContaining("asset is not active");
            HopState state = ledger.hops().state(entry.position(), ChainHop.HOP).orElseThrow();
            assertThat(state.state()).isEqualTo(ChainHop.DEAD);
            assertThat(state.detail()).contains("asset is not active");
            assertThat(ledger.deadLetters().list(1).get(0).reason()).contains("asset is not active");
            assertThat(ledger.deadLetters().list(1).get(0).meter()).isEqualTo("meter-1");
            assertThat(ledger.nonces().next(NonceManager.account(pipeline.chainId(), key.getAddress()))).isEmpty();
        }
    }

    @Test
    void aDownMeterIsAnchoredWithTheFlagAndTheLastGoodValueNeverZero() throws Exception {
        Credentials key = fundedKey(chain);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        try (Ledger ledger = Ledger.open(data);
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, key, new ReadingJournal(ledger), FAST)) {
            LedgerEntry good = ledger.appendAndWait(Measurement.of("meter-1", T0, 4_242, "test"));
            LedgerEntry down = ledger.appendAndWait(Measurement.down("meter-1", T0.plusSeconds(60), "test"));
            awaitAll(submitAll(pipeline, Registry.PRODUCING, chain.contracts.producing(), asset, List.of(good, down)));

            var logs = chain.eth.logs(chain.contracts.producing(), List.of(Registry.PRODUCING.newMeterReadEvent().topic()), 0, chain.eth.blockNumber());
            Map<String, Object> last = logs.stream().map(Registry.PRODUCING.newMeterReadEvent()::decode)
                    .filter(e -> e.get("assetId").equals(asset)).reduce((a, b) -> b).orElseThrow();
            assertThat(last).containsEntry("smartMeterDown", true)
                    .containsEntry("newMeterRead", BigInteger.valueOf(4_242))
                    .containsEntry("oldMeterRead", BigInteger.valueOf(4_242))
                    .containsEntry("fileHash", "0x" + down.document().sha256Hex());
        }
    }
}
