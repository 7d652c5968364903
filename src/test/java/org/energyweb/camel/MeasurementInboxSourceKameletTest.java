package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.DeadLetters;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox folder of the full gateway: files taken whole, in measurement order, oversized ones refused unread. */
class MeasurementInboxSourceKameletTest extends KameletTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    static Path root;

    private static Path inbox() {
        return root.resolve("inbox");
    }

    private static Path data() {
        return root.resolve("data");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:measurement-inbox-source?folder=" + inbox() + "&settleMillis=300&period=100")
                        .to("kamelet:ledger-append-action?dataDir=" + data() + "&maxInputBytes=4096");
            }
        };
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data().toString());
    }

    private static String measurement(String meter, int i) {
        return "{\"meter\":\"" + meter + "\",\"time\":\"" + T0.plusSeconds(60L * i) + "\",\"energyWh\":" + (1000 + 10 * i)
                + ",\"source\":\"inbox-test\"}";
    }

    @Test
    void twoHundredFilesOfOneMeterMovedInAtOnceAreAllLedgeredInMeasurementOrder() throws Exception {
        Path staging = Files.createDirectories(root.resolve("staging-200"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Names that do not follow measurement time, as a random or hashed naming scheme would give.
            files.add(Files.writeString(staging.resolve(Integer.toHexString(i * 7919 % 4093) + "-" + i + ".json"), measurement("order-1", i)));
        }
        Collections.shuffle(files);
        Files.createDirectories(inbox());
        for (Path file : files) {
            Files.move(file, inbox().resolve(file.getFileName()));
        }

        await(() -> ledger().head("order-1").map(head -> head.seq() == 199).orElse(false), Duration.ofSeconds(60));

        assertThat(deadLettersOf("order-1")).as("no reading refused as out of order").isEmpty();
        for (int i = 0; i < 200; i++) {
            LedgerEntry entry = ledger().find("order-1", i).orElseThrow();
            assertThat(entry.document().reading().time()).isEqualTo(T0.plusSeconds(60L * i));
        }
    }

    @Test
    void aFileWrittenSlowlyInPiecesBecomesOneReadingNotDeadLetters() throws Exception {
        Files.createDirectories(inbox());
        byte[] json = measurement("slow-1", 0).getBytes(StandardCharsets.UTF_8);
        long deadLettersBefore = ledger().deadLetters().count();
        try (OutputStream out = Files.newOutputStream(inbox().resolve("slow.json"))) {
            for (int i = 0; i < json.length; i += 8) {
                out.write(json, i, Math.min(8, json.length - i));
                out.flush();
                // Pauses shorter than the settle time, as a writer streaming a file over a slow link.
                Thread.sleep(150);
            }
        }

        await(() -> ledger().head("slow-1").isPresent(), Duration.ofSeconds(30));

        assertThat(ledger().head("slow-1").orElseThrow().energyWh()).isEqualTo(1000);
        assertThat(ledger().deadLetters().count()).isEqualTo(deadLettersBefore);
    }

    @Test
    void aFileTheLedgerRefusesIsADeadLetterNamingTheFileAndKeepingItsBytes() throws Exception {
        Files.createDirectories(inbox());
        String broken = "{\"meter\":\"named-1\",\"time\":";
        Files.writeString(inbox().resolve("named.json.tmp"), broken);
        Files.move(inbox().resolve("named.json.tmp"), inbox().resolve("named.json"));

        await(() -> letterAbout("file named.json") != null, Duration.ofSeconds(30));

        DeadLetter letter = letterAbout("file named.json");
        assertThat(letter.reason()).contains("not valid JSON");
        assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(broken);
    }

    @Test
    void anOversizedFileIsRefusedUnreadAsOneDeadLetterAndKeptAside() throws Exception {
        Files.createDirectories(inbox());
        Path staging = Files.createDirectories(root.resolve("staging-big"));
        Path big = staging.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            // Sparse: a gigabyte on paper, nothing on disk, so the test is cheap and reading it whole would not be.
            file.setLength(1L << 30);
        }
        Files.move(big, inbox().resolve("huge.json"));

        await(() -> letterAbout("file huge.json") != null, Duration.ofSeconds(30));
        await(() -> !Files.exists(inbox().resolve("huge.json")), Duration.ofSeconds(30));

        DeadLetter letter = letterAbout("file huge.json");
        assertThat(letter.reason()).contains("1073741824 bytes is larger than maxInputBytes (4096)").contains(".refused");
        assertThat(letter.payload()).isNull();
        assertThat(Files.size(inbox().resolve(".refused/huge.json"))).isEqualTo(1L << 30);
        // Taken once: no retry loop of the same file.
        Thread.yield();
        assertThat(ledger().deadLetters().list(1000)).filteredOn(l -> l.reason().contains("huge.json")).hasSize(1);
    }

    @Test
    void aFileRefusedOnlyAsOutOfOrderIsLedgeredOnceByReplayAsALateReadingAtTheChainHead() throws Exception {
        Files.createDirectories(inbox());
        drop("late-2.json", measurement("late-1", 2));
        await(() -> ledger().head("late-1").isPresent(), Duration.ofSeconds(30));
        drop("late-1.json", measurement("late-1", 1));
        await(() -> deadLettersOf("late-1").size() == 1, Duration.ofSeconds(30));
        DeadLetter refused = deadLettersOf("late-1").get(0);
        assertThat(refused.reason()).contains("out of order");

        DeadLetters.Replay replay = ledger().deadLetters().replay(refused.id());

        assertThat(replay.outcome()).isEqualTo(DeadLetters.Replay.Outcome.REPLAYED);
        assertThat(replay.seq()).isEqualTo(1);
        assertThat(replay.reason()).contains("late: measured at 2026-11-24T12:01:00.000Z");
        Reading late = ledger().find("late-1", 1).orElseThrow().document().reading();
        assertThat(late.late()).isTrue();
        assertThat(late.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(late.energyWh()).isEqualTo(1010);
        assertThat(ledger().deadLetters().replay(refused.id()).outcome()).isEqualTo(DeadLetters.Replay.Outcome.ALREADY_REPLAYED);

        // The late reading moved neither the meter's order nor its register: the next file follows the newest good reading.
        drop("late-3.json", measurement("late-1", 3));
        await(() -> ledger().head("late-1").orElseThrow().seq() == 2, Duration.ofSeconds(30));
        assertThat(ledger().find("late-1", 2).orElseThrow().document().reading().late()).isFalse();

        // The same file dropped again is refused again, and its replay is the late reading already ledgered.
        drop("late-1-again.json", measurement("late-1", 1));
        await(() -> deadLettersOf("late-1").size() == 2, Duration.ofSeconds(30));
        DeadLetter again = deadLettersOf("late-1").stream().filter(letter -> letter.id() != refused.id()).findFirst().orElseThrow();
        assertThat(ledger().deadLetters().replay(again.id()).seq()).isEqualTo(1);
        assertThat(ledger().head("late-1").orElseThrow().seq()).isEqualTo(2);
        assertThat(LedgerVerifier.verify(data())).satisfies(report -> {
            assertThat(report.ok()).isTrue();
            assertThat(report.lateReadings()).isEqualTo(1);
        });
    }

    private static void drop(String name, String json) throws Exception {
        Path staging = Files.createDirectories(root.resolve("staging-late"));
        Files.move(Files.writeString(staging.resolve(name), json), inbox().resolve(name));
    }

    private List<DeadLetter> deadLettersOf(String meter) {
        return ledger().deadLetters().list(10_000).stream().filter(letter -> meter.equals(letter.meter())).toList();
    }

    private DeadLetter letterAbout(String text) {
        return ledger().deadLetters().list(10_000).stream().filter(letter -> letter.reason().contains(text)).findFirst().orElse(null);
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + within + " in vain").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
