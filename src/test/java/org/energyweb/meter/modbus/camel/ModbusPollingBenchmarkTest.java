package org.energyweb.meter.modbus.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.meter.modbus.SimulatedMeterFarm;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One gateway polling 100 simulated SunSpec meters once per second through the modbus-meter component.
 * The meters run in a separate JVM, so the CPU figure is the gateway's own. Prints, asserts nothing.
 * Run with {@code mvn -Pbench test -Dtest=ModbusPollingBenchmarkTest}.
 */
@Tag("bench")
class ModbusPollingBenchmarkTest {

    private static final int METERS = 100;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(30);

    @Test
    void pollsOneHundredMetersOncePerSecond() throws Exception {
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < METERS; i++) {
            ports.add(String.valueOf(PeerProcess.freeLoopbackPort()));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatedMeterFarm.class.getName()));
        command.addAll(ports);
        int lastPort = Integer.parseInt(ports.get(METERS - 1));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong faults = new AtomicLong();

        try (PeerProcess farm = PeerProcess.start("meter-farm", lastPort, command, Path.of("."), Duration.ofSeconds(60))) {
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(deadLetterChannel("direct:faults"));
                    from("direct:faults").process(exchange -> faults.incrementAndGet());
                    for (int i = 0; i < METERS; i++) {
                        from("modbus-meter:bench-" + i + "?host=127.0.0.1&port=" + ports.get(i) + "&period=1000&readTimeout=2000")
                                .process(exchange -> record(exchange, measuring, latencies));
                    }
                }
            });
            camel.start();
            Thread.sleep(WARM_UP.toMillis());

            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            measuring.set(true);
            Thread.sleep(MEASURED.toMillis());
            measuring.set(false);
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            String threads = threadsByKind();
            camel.stop();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%nModbus polling benchmark: %d meters, period 1 s, measured %d s%n", METERS, MEASURED.toSeconds());
            System.out.printf("  readings %d (expected ~%d), faults %d, threads %s%n",
                    sorted.size(), METERS * MEASURED.toSeconds(), faults.get(), threads);
            System.out.printf("  gateway CPU %.1f%% of one core%n", 100.0 * cpu / wall);
            System.out.printf("  read latency (poll start to measurement, ms): p50 %d, p99 %d, max %d%n%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }
    }

    /** The consumer creates the exchange when the poll starts; by here the read and checks are done. */
    private static void record(Exchange exchange, AtomicBoolean measuring, List<Long> latencies) {
        exchange.getMessage().getBody(Measurement.class);
        if (measuring.get()) {
            latencies.add(exchange.getClock().elapsed());
        }
    }

    /** Thread counts by name with the numbers taken out, largest first: where the threads come from. */
    private static String threadsByKind() {
        Map<String, Long> kinds = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#")
                        .replaceAll("modbus-meter://bench-#", "modbus-meter://bench-N"), Collectors.counting()));
        return kinds.values().stream().mapToLong(Long::longValue).sum() + " " + kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
