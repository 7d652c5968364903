package org.energyweb.meter.modbus.camel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.meter.modbus.ModbusTestServer;
import org.energyweb.meter.modbus.RegisterImage;
import org.energyweb.meter.modbus.SilentTcpServer;
import org.energyweb.meter.modbus.SunSpecImages;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The modbus-meter-source Kamelet, loaded from the project's kamelets folder, polling real Modbus TCP
 * servers; faults arrive as MeterFault bodies and are kept in a real ledger's dead letters.
 */
class ModbusMeterSourceKameletTest extends CamelTestSupport {

    private static final Path PROJECT = Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final Map<String, List<Measurement>> readings = new ConcurrentHashMap<>();
    private final List<AutoCloseable> peers = new ArrayList<>();
    private Ledger ledger;

    @AfterEach
    void closePeers() throws Exception {
        // Stop polling first, so no fault is recorded into a closed ledger.
        context.stop();
        for (AutoCloseable peer : peers) {
            peer.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void emitsAMeasurementPerPollOfASunSpecMeter() throws Exception {
        ModbusTestServer meter = server(SunSpecImages.model203(123_456, 7_890, 1, 2_500, 0));
        start(kamelet("pv-1", meter.port()).replace("period=200", "period=100"));

        awaitThat(() -> readingsOf("pv-1").size() >= 3);
        Measurement first = readingsOf("pv-1").get(0);
        assertThat(first.energyWh()).isEqualTo(1_234_560L);
        assertThat(first.exportWh()).isEqualTo(78_900L);
        assertThat(first.powerW()).isEqualTo(2_500L);
        assertThat(first.source()).isEqualTo("modbus:127.0.0.1:" + meter.port() + "/1");
    }

    @Test
    void readsARegisterMappedMeterInstalledTheOtherWayRound() throws Exception {
        ModbusTestServer meter = server(new RegisterImage()
                .uint32LowWordFirst(100, 1_000).uint32LowWordFirst(102, 2_000).uint32LowWordFirst(104, 300).int16(106, 0));
        start(kamelet("mapped-1", meter.port()) + "&invert=true&map=" + PROJECT.resolve("config/maps/sample-swapped-word-meter.yaml"));

        awaitThat(() -> !readingsOf("mapped-1").isEmpty());
        Measurement reading = readingsOf("mapped-1").get(0);
        assertThat(reading.energyWh()).isEqualTo(20_000L);
        assertThat(reading.exportWh()).isEqualTo(10_000L);
        assertThat(reading.powerW()).isEqualTo(-300L);
    }

    @Test
    void everyFaultBecomesADeadLetterWithItsReasonWhileTheOtherMetersKeepBeingPolled() throws Exception {
        ModbusTestServer good = server(SunSpecImages.model203(1_000, 0, 0, 0, 0));
        SilentTcpServer silent = new SilentTcpServer();
        peers.add(silent);
        int refusedPort = PeerProcess.freeLoopbackPort();
        RegisterImage truncated = SunSpecImages.model203(1_000, 0, 0, 0, 0);
        truncated.words().keySet().removeIf(address -> address >= SunSpecImages.METER + 30);
        ModbusTestServer illegal = server(truncated);
        ModbusTestServer sentinel = server(SunSpecImages.model203(0, 0, 0, 0, 0));
        ModbusTestServer nan = server(SunSpecImages.model213(Float.NaN, 1f, 1f));
        ModbusTestServer lost = server(SunSpecImages.model203(3_000, 0, 0, 0, 0));
        ModbusTestServer backwards = server(SunSpecImages.model203(5_000, 0, 0, 0, 0));
        ModbusTestServer jump = server(SunSpecImages.model203(7_000, 0, 0, 0, 0));

        start(kamelet("good", good.port()),
                // Its breaker stays closed however long the others take on a slow machine: the reason asserted is the timeout's alone.
                silentKamelet("silent", silent.port()) + "&breakerFailureThreshold=1000",
                kamelet("refused", refusedPort),
                kamelet("illegal", illegal.port()),
                kamelet("sentinel", sentinel.port()),
                kamelet("nan", nan.port()),
                kamelet("lost", lost.port()),
                kamelet("backwards", backwards.port()),
                kamelet("jump", jump.port()) + "&ratedPowerW=1000");

        awaitThat(() -> !readingsOf("lost").isEmpty() && !readingsOf("backwards").isEmpty() && !readingsOf("jump").isEmpty());
        lost.stop();
        backwards.set(SunSpecImages.METER + 46, 0, 4_000);
        // One register only, so no poll can see half of the change.
        jump.set(SunSpecImages.METER + 46, 0x0010);
        List<String> faulty = List.of("silent", "refused", "illegal", "sentinel", "nan", "lost", "backwards", "jump");
        awaitThat(() -> faulty.stream().allMatch(meter -> deadLettersOf(meter).size() >= 2));
        int goodBefore = readingsOf("good").size();
        awaitThat(() -> readingsOf("good").size() >= goodBefore + 3);

        assertThat(reasonsOf("silent")).allMatch(r -> r.equals("no answer to reading holding registers 40000..40001 within 400 ms"));
        assertThat(reasonsOf("refused")).allMatch(r -> r.startsWith("cannot connect to 127.0.0.1:" + refusedPort));
        assertThat(reasonsOf("illegal")).allMatch(r -> r.equals("Modbus exception 2 (illegal data address) reading holding registers 40070..40124"));
        assertThat(reasonsOf("sentinel")).allMatch(r -> r.equals("TotWhImp at 40116 holds the 'not implemented' value 0 (acc32)"));
        assertThat(reasonsOf("nan")).allMatch(r -> r.equals("TotWhImp at 40138 is NaN ('not implemented')"));
        assertThat(reasonsOf("lost")).allMatch(r -> r.contains("lost") || r.startsWith("cannot connect to 127.0.0.1:" + lost.port()));
        assertThat(reasonsOf("backwards")).allMatch(r -> r.equals("counter went backwards from 5000 Wh to 4000 Wh"));
        assertThat(reasonsOf("jump")).allMatch(r -> r.startsWith("jump of 1048576 Wh in ") && r.contains("rated 1000 W meter"));
        for (String meter : List.of("silent", "refused", "illegal", "sentinel", "nan")) {
            assertThat(readingsOf(meter)).as("readings of " + meter).isEmpty();
        }
        assertThat(readingsOf("lost")).extracting(Measurement::energyWh).containsOnly(3_000L);
        assertThat(readingsOf("backwards")).extracting(Measurement::energyWh).containsOnly(5_000L);
        assertThat(readingsOf("jump")).extracting(Measurement::energyWh).containsOnly(7_000L);
        assertThat(deadLettersOf("silent").get(0).source()).isEqualTo("modbus:127.0.0.1:" + silent.port() + "/1");
    }

    @Test
    void faultsAreCountedPerMeterAndKindAsManyAsTheirDeadLettersEveryPollIsTimedAndAnOpenCircuitShows() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics);
        ModbusTestServer good = server(SunSpecImages.model203(1_000, 0, 0, 0, 0));
        ModbusTestServer backwards = server(SunSpecImages.model203(5_000, 0, 0, 0, 0));
        ModbusTestServer sentinel = server(SunSpecImages.model203(0, 0, 0, 0, 0));
        int refusedPort = PeerProcess.freeLoopbackPort();
        start(kamelet("good", good.port()), kamelet("backwards", backwards.port()), kamelet("sentinel", sentinel.port()),
                kamelet("refused", refusedPort));
        awaitThat(() -> !readingsOf("backwards").isEmpty());
        backwards.set(SunSpecImages.METER + 46, 0, 4_000);
        String refusedBreaker = "meter refused (modbus:127.0.0.1:" + refusedPort + "/1)";
        awaitThat(() -> List.of("backwards", "sentinel", "refused").stream().allMatch(meter -> deadLettersOf(meter).size() >= 2)
                && readingsOf("good").size() >= 2 && breakerState(metrics, refusedBreaker) == 1);
        assertThat(breakerState(metrics, "meter good (modbus:127.0.0.1:" + good.port() + "/1)")).as("closed").isZero();
        // Quiet: no poll runs while the counts are compared. The figures are taken when an exchange completes,
        // which may be just after the stop saw the route empty, so they are awaited, not read at once.
        context.stop();

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(faults(metrics, "backwards", "implausible")).isEqualTo(deadLettersOf("backwards").size());
            assertThat(faults(metrics, "sentinel", "invalid")).isEqualTo(deadLettersOf("sentinel").size());
            assertThat(faults(metrics, "refused", "unreachable")).isEqualTo(deadLettersOf("refused").size());
            assertThat(metrics.find("energyweb.meter.faults").tag("meter", "good").counters()).isEmpty();
            assertThat(reads(metrics, "good")).isEqualTo(readingsOf("good").size());
            assertThat(reads(metrics, "backwards")).isEqualTo(readingsOf("backwards").size() + deadLettersOf("backwards").size());
        });
    }

    private static long faults(SimpleMeterRegistry metrics, String meter, String kind) {
        return (long) metrics.get("energyweb.meter.faults").tag("meter", meter).tag("reason", kind).counter().count();
    }

    private static double breakerState(SimpleMeterRegistry metrics, String remote) {
        Gauge gauge = metrics.find("energyweb.breaker.state").tag("remote", remote).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static long reads(SimpleMeterRegistry metrics, String meter) {
        return metrics.get("energyweb.meter.read").tag("meter", meter).timer().count();
    }

    @Test
    void aMeterIsReadAgainAfterItRestarted() throws Exception {
        ModbusTestServer meter = server(SunSpecImages.model203(3_000, 0, 0, 0, 0));
        start(kamelet("restarting", meter.port()));
        awaitThat(() -> !readingsOf("restarting").isEmpty());

        meter.stop();
        awaitThat(() -> !deadLettersOf("restarting").isEmpty());
        meter.set(SunSpecImages.METER + 46, 0, 3_500);
        meter.restart();

        awaitThat(() -> readingsOf("restarting").stream().anyMatch(m -> m.energyWh() == 3_500L));
    }

    @Test
    void aMeterWhoseCircuitOpenedIsNeitherConnectedToNorFaultedAgainWhileItStaysOpen() throws Exception {
        SilentTcpServer hung = new SilentTcpServer();
        peers.add(hung);
        start(silentKamelet("hung", hung.port()) + "&breakerFailureThreshold=3&breakerOpenDuration=600000");

        awaitThat(() -> deadLettersOf("hung").size() >= 3);
        int connections = hung.connections();
        Thread.sleep(2_000);

        assertThat(hung.connections()).as("connections after the circuit opened").isEqualTo(connections);
        String noAnswer = "no answer to reading holding registers 40000..40001 within 400 ms";
        assertThat(reasonsOf("hung")).containsExactlyInAnyOrder(noAnswer, noAnswer, noAnswer + "; circuit open, next try in 600s");
    }

    @Test
    void aMeterThatComesBackWhileItsCircuitIsOpenIsReadAgainAfterOneTrialPoll() throws Exception {
        ModbusTestServer meter = server(SunSpecImages.model203(3_000, 0, 0, 0, 0));
        start(kamelet("away", meter.port()) + "&breakerFailureThreshold=2&breakerOpenDuration=300");
        awaitThat(() -> !readingsOf("away").isEmpty());

        meter.stop();
        awaitThat(() -> reasonsOf("away").stream().anyMatch(reason -> reason.contains("; circuit open, next try in")));
        // Several trial polls find the meter still away; none of them is a fault of its own.
        Thread.sleep(1_500);
        assertThat(deadLettersOf("away")).hasSize(2);
        meter.set(SunSpecImages.METER + 46, 0, 3_500);
        meter.restart();

        awaitThat(() -> readingsOf("away").stream().anyMatch(m -> m.energyWh() == 3_500L));
        assertThat(deadLettersOf("away")).hasSize(2);
    }

    @Test
    void anUnusableRegisterMapKeepsTheRouteFromStartingAndNamesTheMap() throws Exception {
        Path map = Files.createTempFile("meter", ".yaml");
        Files.writeString(map, "points:\n  energyImport: {address: 1, type: uint32, unit: Wh}\n");

        assertThatThrownBy(() -> start(kamelet("badly-mapped", PeerProcess.freeLoopbackPort()) + "&map=" + map))
                .hasStackTraceContaining("register map " + map + ": addressBase is missing");
    }

    /** A meter that answers: its read timeout is long, so a loaded machine's slow poll is never taken for silence. */
    private String kamelet(String meterId, int port) {
        return kamelet(meterId, port, 10_000);
    }

    private String kamelet(String meterId, int port, int readTimeoutMillis) {
        return "kamelet:modbus-meter-source?meterId=" + meterId + "&host=127.0.0.1&port=" + port + "&readTimeout=" + readTimeoutMillis
                + "&period=200";
    }

    /** A meter that never answers, with the short timeout the reasons below name. */
    private String silentKamelet(String meterId, int port) {
        return kamelet(meterId, port, 400);
    }

    private void start(String... sources) throws Exception {
        ledger = Ledger.open(Files.createTempDirectory("kamelet-ledger"));
        context.getComponent("kamelet", KameletComponent.class).setLocation("file:" + PROJECT.resolve("kamelets"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String source : sources) {
                    from(source).process(exchange -> {
                        if (exchange.getMessage().getBody() instanceof MeterFault fault) {
                            ledger.deadLetters().record(fault.meter(), fault.source(), fault.reason(), fault.payload());
                            return;
                        }
                        Measurement measurement = exchange.getMessage().getBody(Measurement.class);
                        readingsOf(measurement.meter()).add(measurement);
                    });
                }
            }
        });
        // Without a route builder CamelTestSupport leaves starting the context to the test.
        context.start();
    }

    private List<Measurement> readingsOf(String meter) {
        return readings.computeIfAbsent(meter, m -> java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    private List<DeadLetter> deadLettersOf(String meter) {
        return ledger.deadLetters().list(100_000).stream().filter(d -> meter.equals(d.meter())).toList();
    }

    private List<String> reasonsOf(String meter) {
        return deadLettersOf(meter).stream().map(DeadLetter::reason).toList();
    }

    private ModbusTestServer server(RegisterImage image) {
        ModbusTestServer server = ModbusTestServer.start(1).set(image);
        peers.add(server);
        return server;
    }

    private static void awaitThat(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WITHIN);
            }
            Thread.sleep(50);
        }
    }
}
