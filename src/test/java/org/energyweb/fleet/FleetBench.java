package org.energyweb.fleet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.FleetEngines;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fleet end to end on this machine: N simulated gateways publish their meters' readings (real
 * reading documents, key and headers as the gateway's kafka hop writes them, idempotent with
 * acks=all) at full speed into a real KRaft broker with P partitions, while 1 and then 2 anchoring
 * workers ({@code energyweb anchor-service} child JVMs, as deployed) check, store (real PostgreSQL),
 * batch, anchor on a real anvil and publish the proofs back. Prints, every second, the readings
 * produced, the workers' stored position, the lag behind the topic's end, the readings anchored and
 * published, the machine's load and each worker's heap (from its GC log); then the end-to-end rate
 * (first record sent to last batch published), the batch sizes, gas per anchor and the database's
 * bytes per reading and per batch, and the readings' and results' topics' bytes on the broker's disk per reading, the
 * figures docs/scale.md extrapolates from. Asserts nothing but
 * that every reading came through.
 * Run: {@code mvn -Pbench test -Dtest=FleetBench [-Dbench.gateways=10 -Dbench.meters=100 -Dbench.readings=1000000
 * -Dbench.partitions=8 -Dbench.batchSize=50000 -Dbench.workers=1,2 -Dbench.workerHeap=256m -Dbench.workerJvm="JVM options"]}.
 * Figures and what they mean for 10,000,000 meters: docs/scale.md.
 */
@Tag("bench")
class FleetBench {

    private static final int GATEWAYS = Integer.getInteger("bench.gateways", 10);
    private static final int METERS_PER_GATEWAY = Integer.getInteger("bench.meters", 100);
    private static final int READINGS = Integer.getInteger("bench.readings", 1_000_000);
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 8);
    private static final int BATCH_SIZE = Integer.getInteger("bench.batchSize", 50_000);
    private static final String WORKERS = System.getProperty("bench.workers", "1,2");
    private static final String WORKER_HEAP = System.getProperty("bench.workerHeap", "256m");
    /** More JVM options for the workers, space-separated, e.g. a flight recording to see where their time goes. */
    private static final String WORKER_JVM = System.getProperty("bench.workerJvm", "");
    private static final Credentials SERVICE = AnvilPeer.ACCOUNT_1;
    private static final Pattern GC_PAUSE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @Test
    void readingsPerSecondFromGatewaysThroughKafkaToAnchoredBatches() throws Exception {
        int perMeter = READINGS / (GATEWAYS * METERS_PER_GATEWAY);
        long total = (long) perMeter * GATEWAYS * METERS_PER_GATEWAY;
        System.out.printf("%nfleet end to end: %d gateways x %d meters x %d readings = %,d readings, %d partitions, batches up to %,d,"
                        + " %d cores, load %s%n", GATEWAYS, METERS_PER_GATEWAY, perMeter, total, PARTITIONS, BATCH_SIZE,
                Runtime.getRuntime().availableProcessors(), load());
        try (FleetEngines engines = FleetEngines.start(dir.resolve("kafka")); AnvilPeer anvil = AnvilPeer.automine()) {
            DevChain chain = new DevChain(anvil);
            Path keystore = dir.resolve("service.json");
            Path password = Files.writeString(dir.resolve("password"), "bench-password");
            Keystore.write(keystore, SERVICE.getEcKeyPair(), "bench-password".toCharArray(), Keystore.Strength.LIGHT);
            for (String workers : WORKERS.split(",")) {
                Run run = new Run(engines, anvil, chain, keystore, password, Integer.parseInt(workers.trim()), perMeter);
                run.measure();
            }
        }
    }

    /** One measurement with a given number of workers, on its own topic and database. */
    private final class Run {

        private final FleetEngines engines;
        private final AnvilPeer anvil;
        private final DevChain chain;
        private final Path keystore;
        private final Path password;
        private final int workers;
        private final int perMeter;
        private final String topic;
        private final String jdbcUrl;
        private final AtomicLong produced = new AtomicLong();
        /** When the last gateway's producer had every record acknowledged. */
        private long producedAtNanos;
        private final List<Process> processes = new ArrayList<>();
        private final List<Path> gcLogs = new ArrayList<>();

        Run(FleetEngines engines, AnvilPeer anvil, DevChain chain, Path keystore, Path password, int workers, int perMeter)
                throws SQLException {
            this.engines = engines;
            this.anvil = anvil;
            this.chain = chain;
            this.keystore = keystore;
            this.password = password;
            this.workers = workers;
            this.perMeter = perMeter;
            this.topic = "readings-w" + workers;
            String database = "bench_w" + workers;
            try (Connection admin = DriverManager.getConnection(engines.postgres.jdbcUrl()); Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            this.jdbcUrl = engines.postgres.jdbcUrl().replace("/energyweb?", "/" + database + "?");
        }

        void measure() throws Exception {
            long total = (long) perMeter * GATEWAYS * METERS_PER_GATEWAY;
            engines.broker.createTopic(topic, PARTITIONS);
            engines.broker.createTopic(topic + "-anchors", PARTITIONS);
            try (FleetStore store = new FleetStore(jdbcUrl); Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, engines.broker.bootstrapServers()))) {
                IntStream.range(0, GATEWAYS).forEach(g -> store.addGateway(gateway(g)));
                for (int w = 0; w < workers; w++) {
                    startWorker("w" + w);
                }
                awaitOwners(store);
                System.out.printf("%n%d worker(s) (-Xmx%s each) own the %d partitions; producing%n", workers, WORKER_HEAP, PARTITIONS);
                System.out.printf("%6s %11s %11s %10s %11s %7s  %s%n", "t (s)", "produced", "stored", "lag", "published", "load",
                        "worker heap after last GC / committed (MB)");
                long start = System.nanoTime();
                // a thread per gateway, as each gateway is its own process with its own producer
                ExecutorService gateways = Executors.newFixedThreadPool(GATEWAYS);
                List<Future<?>> publishing = IntStream.range(0, GATEWAYS).<Future<?>>mapToObj(g -> gateways.submit(() -> publish(g))).toList();
                gateways.shutdown();
                long published = 0;
                long lastSample = start;
                while (published < total) {
                    long now = System.nanoTime();
                    if (now - lastSample < 1_000_000_000L) {
                        Thread.sleep(50); // the sampling period, not a wait for a condition
                        continue;
                    }
                    lastSample = now;
                    long stored = stored();
                    long end = endOffsets(admin, topic);
                    published = publishedReadings();
                    System.out.printf("%6.1f %,11d %,11d %,10d %,11d %7s  %s%n", (now - start) / 1e9, produced.get(), stored, end - stored,
                            published, load(), heaps());
                    if ((now - start) / 1e9 > Long.getLong("bench.timeoutSeconds", 1800)) {
                        throw new IllegalStateException("not done after " + (now - start) / 1e9 + " s: " + published + " of " + total + " published");
                    }
                }
                long done = System.nanoTime();
                for (Future<?> gateway : publishing) {
                    gateway.get();
                }
                long producedAt = producedAtNanos;
                report(total, start, producedAt, done);
                reportTopics(admin, total);
            } finally {
                processes.forEach(Process::destroy);
                for (Process process : processes) {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        }

        private void report(long total, long start, long producedAt, long done) throws Exception {
            System.out.printf("%d worker(s): %,d readings produced in %.1f s = %,.0f readings/s into the broker;"
                            + " end to end (first record sent to last batch published) %.1f s = %,.0f readings/s%n",
                    workers, total, (producedAt - start) / 1e9, total / ((producedAt - start) / 1e9), (done - start) / 1e9,
                    total / ((done - start) / 1e9));
            try (Connection db = DriverManager.getConnection(jdbcUrl); Statement select = db.createStatement()) {
                List<String> transactions = new ArrayList<>();
                try (ResultSet rs = select.executeQuery("SELECT count(*), min(size), avg(size), max(size) FROM fleet_batch")) {
                    rs.next();
                    System.out.printf("  batches: %d, size min %d / mean %.0f / max %d%n", rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                            rs.getLong(4));
                }
                try (ResultSet rs = select.executeQuery("SELECT tx FROM fleet_batch")) {
                    while (rs.next()) {
                        transactions.add(rs.getString(1));
                    }
                }
                List<Long> gas = transactions.stream().map(tx -> chain.eth.receipt(tx).map(Receipt::gasUsed).orElseThrow().longValueExact())
                        .sorted().toList();
                System.out.printf("  gas per anchor transaction: min %,d, median %,d, max %,d (%d transactions)%n", gas.get(0),
                        gas.get(gas.size() / 2), gas.get(gas.size() - 1), gas.size());
                select.execute("VACUUM ANALYZE fleet_reading");
                select.execute("VACUUM ANALYZE fleet_batch");
                for (String table : List.of("fleet_reading", "fleet_batch", "fleet_meter")) {
                    try (ResultSet rs = select.executeQuery("SELECT pg_relation_size('" + table + "'), pg_indexes_size('" + table + "'),"
                            + " pg_total_relation_size('" + table + "'), (SELECT count(*) FROM " + table + ")")) {
                        rs.next();
                        long rows = rs.getLong(4);
                        System.out.printf("  %-13s %,10d rows: heap %,d B, indexes %,d B, total with TOAST %,d B = %,.0f B per row%n", table,
                                rows, rs.getLong(1), rs.getLong(2), rs.getLong(3), (double) rs.getLong(3) / rows);
                    }
                }
                try (ResultSet rs = select.executeQuery("SELECT avg(length(document)) FROM fleet_reading")) {
                    rs.next();
                    System.out.printf("  reading document: %.0f bytes on average%n", rs.getDouble(1));
                }
            }
            System.out.println("  workers' heap over the run (after each GC, MB): ");
            for (int w = 0; w < gcLogs.size(); w++) {
                System.out.printf("    w%d: %s%n", w, heapSeries(gcLogs.get(w)));
            }
        }

        /** One gateway's meters, a round of readings at a time, as fast as the producer takes them. */
        private void publish(int g) {
            String gateway = gateway(g);
            ChainHead[] heads = new ChainHead[METERS_PER_GATEWAY];
            Instant first = Instant.parse("2026-01-01T00:00:00Z");
            try (KafkaProducer<String, byte[]> producer = gatewayProducer()) {
                for (int seq = 0; seq < perMeter; seq++) {
                    for (int m = 0; m < METERS_PER_GATEWAY; m++) {
                        String meter = gateway + "-m" + m;
                        Reading reading = Reading.next(new Measurement(meter, first.plusSeconds(900L * seq), 1000 + 25L * seq, false,
                                "simulated", null, null), heads[m]);
                        ReadingDocument document = ReadingDocument.of(reading);
                        heads[m] = document.asHead();
                        producer.send(record(gateway, document), (metadata, failed) -> {
                            if (failed == null) {
                                produced.incrementAndGet();
                            }
                        });
                    }
                }
                producer.flush();
            }
            synchronized (this) {
                producedAtNanos = Math.max(producedAtNanos, System.nanoTime());
            }
        }

        /** The kafka-readings-sink kamelet's producer settings: idempotent, acks=all, linger 5 ms. */
        private KafkaProducer<String, byte[]> gatewayProducer() {
            return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }

        /** The record the gateway's kafka hop writes (KafkaReadingRecords#prepare): key the meter, identity as UTF-8 headers. */
        private ProducerRecord<String, byte[]> record(String gateway, ReadingDocument document) {
            String meter = document.reading().meter();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, meter, document.bytes());
            record.headers().add(FleetRecord.GATEWAY, gateway.getBytes(StandardCharsets.UTF_8));
            record.headers().add(FleetRecord.METER, meter.getBytes(StandardCharsets.UTF_8));
            record.headers().add(FleetRecord.SEQ, String.valueOf(document.reading().seq()).getBytes(StandardCharsets.UTF_8));
            record.headers().add(FleetRecord.SHA256, document.sha256Hex().getBytes(StandardCharsets.UTF_8));
            return record;
        }

        private void startWorker(String id) throws IOException {
            Path log = Files.createDirectories(Path.of("target", "peers")).resolve("bench-worker-" + topic + "-" + id + ".log");
            Path gc = dir.resolve("gc-" + topic + "-" + id + ".log");
            gcLogs.add(gc);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + WORKER_HEAP, "-Xlog:gc:file=" + gc + ":uptime"));
            if (!WORKER_JVM.isBlank()) {
                command.addAll(List.of(WORKER_JVM.replace("{worker}", topic + "-" + id).split(" ")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.energyweb.cli.EnergywebCommand", "anchor-service",
                    "--brokers", engines.broker.bootstrapServers(), "--topic", topic, "--group", "anchors-" + topic, "--worker-id", id,
                    "--jdbc-url", jdbcUrl, "--batch-size", String.valueOf(BATCH_SIZE), "--batch-interval", "PT1S",
                    "--session-timeout", "PT10S", "--rpc", anvil.url(), "--contract", chain.contracts.anchor(),
                    "--keystore", keystore.toString(), "--password-file", password.toString(), "--resend-after", "PT10S",
                    "--results-topic", topic + "-anchors"));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }

        /** Until the group has settled: every partition claimed, and by as many workers as were started. */
        private void awaitOwners(FleetStore store) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                Map<Integer, String> owners = store.owners(topic);
                if (owners.size() == PARTITIONS && new HashSet<>(owners.values()).size() == Math.min(workers, PARTITIONS)) {
                    return;
                }
                if (System.nanoTime() > deadline || processes.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException("the workers did not take the partitions: " + owners + "; see target/peers");
                }
                Thread.sleep(100); // polling the database for the condition
            }
        }

        /**
         * The records the workers stored, summed over the partitions: the service keeps its consumed offsets
         * in PostgreSQL with its state (fleet_partition.next_offset) and commits none to Kafka, so the
         * group's committed offsets in the broker say nothing; this is the consumer's real position.
         */
        private long stored() throws SQLException {
            return single("SELECT coalesce(sum(next_offset), 0) FROM fleet_partition WHERE topic = '" + topic + "'");
        }

        private long publishedReadings() throws SQLException {
            return single("SELECT coalesce(sum(size), 0) FROM fleet_batch WHERE state = '" + BatchState.PUBLISHED + "'");
        }

        private long single(String sql) throws SQLException {
            try (Connection db = DriverManager.getConnection(jdbcUrl); Statement select = db.createStatement();
                 ResultSet rs = select.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** The topic's end offsets (AdminClient), summed over its partitions. */
        private long endOffsets(Admin admin, String name) throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(name, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }

        /** What the readings and the results take on the broker's disk (record batches with their headers, uncompressed). */
        private void reportTopics(Admin admin, long total) throws ExecutionException, InterruptedException {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(node -> node.id()).toList();
            Map<String, Long> bytes = new HashMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(logDir ->
                    logDir.replicaInfos().forEach((partition, replica) -> bytes.merge(partition.topic(), replica.size(), Long::sum))));
            for (String name : List.of(topic, topic + "-anchors")) {
                long size = bytes.getOrDefault(name, 0L);
                System.out.printf("  topic %-20s %,9d records, %,13d B = %,6.0f B per reading%n", name, endOffsets(admin, name), size,
                        (double) size / total);
            }
        }

        private String heaps() {
            return gcLogs.stream().map(log -> lastPause(log).map(p -> p[2] + "/" + p[3]).orElse("-")).collect(Collectors.joining("  "));
        }
    }

    private static String gateway(int g) {
        return "gw-" + g;
    }

    /** The last GC pause of a worker's log: {uptime s, heap before, heap after, committed} in MB. */
    private static Optional<long[]> lastPause(Path gcLog) {
        List<long[]> pauses = pauses(gcLog);
        return pauses.isEmpty() ? Optional.empty() : Optional.of(pauses.get(pauses.size() - 1));
    }

    private static List<long[]> pauses(Path gcLog) {
        List<long[]> pauses = new ArrayList<>();
        try {
            if (!Files.exists(gcLog)) {
                return pauses;
            }
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    pauses.add(new long[] {(long) Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4))});
                }
            }
        } catch (IOException e) {
            // the worker is still writing it: read again at the next sample
        }
        return pauses;
    }

    /** Heap after GC, the highest in each 10 s of the worker's uptime: flat when the worker keeps nothing per reading. */
    private static String heapSeries(Path gcLog) {
        Map<Long, Long> highest = new java.util.TreeMap<>();
        for (long[] pause : pauses(gcLog)) {
            highest.merge(pause[0] / 10 * 10, pause[2], Math::max);
        }
        return highest.entrySet().stream().map(e -> e.getKey() + "s:" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
