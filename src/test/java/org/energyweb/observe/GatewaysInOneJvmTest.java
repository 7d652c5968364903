package org.energyweb.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.ledger.Ledger;
import org.energyweb.meter.camel.MeterSourceEndpoint;
import org.energyweb.meter.modbus.ModbusTestServer;
import org.energyweb.meter.modbus.SunSpecImages;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways in one JVM, each reading a meter of the same id from its own Modbus server: one unreachable, one
 * answering. What each knows of its meter and breakers belongs to its CamelContext, so neither shows the other's.
 */
class GatewaysInOneJvmTest {

    private static final String METER = "m1";

    @TempDir
    Path data;

    private ModbusTestServer answering;
    private int refusedPort;
    private Gateway away;
    private Gateway up;

    /** One gateway: its CamelContext, its metrics registry and its ledger, polling meter m1 at a port. */
    private record Gateway(CamelContext context, SimpleMeterRegistry metrics, Ledger ledger, int port) implements AutoCloseable {

        static Gateway start(Path dataDir, int port) throws Exception {
            Ledger ledger = Ledger.open(dataDir);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("modbus-meter:" + METER + "?host=127.0.0.1&port=" + port + "&period=100&readTimeout=10000"
                            + "&breakerFailureThreshold=1&breakerOpenDuration=600000")
                            .process(exchange -> {
                                if (exchange.getMessage().getBody() instanceof Measurement reading) {
                                    ledger.append(reading).join();
                                }
                            });
                }
            });
            context.start();
            return new Gateway(context, metrics, ledger, port);
        }

        HealthCheck.Result meterHealth() {
            return new MeterHealthCheck(ledger, METER, MeterSourceEndpoint.circuits(context)).call();
        }

        List<String> breakers() {
            return metrics.find("energyweb.breaker.state").gauges().stream().map(gauge -> gauge.getId().getTag("remote")).toList();
        }

        double breakerState() {
            Gauge gauge = metrics.find("energyweb.breaker.state").tag("remote", "meter " + METER + " (modbus:127.0.0.1:" + port + "/1)").gauge();
            return gauge == null ? Double.NaN : gauge.value();
        }

        @Override
        public void close() {
            // Polling stops before the ledger closes, so no reading is appended to a closed ledger.
            context.stop();
            ledger.close();
        }
    }

    @BeforeEach
    void startTwoGateways() throws Exception {
        answering = ModbusTestServer.start(1).set(SunSpecImages.model203(1_000, 0, 0, 0, 0));
        refusedPort = PeerProcess.freeLoopbackPort();
        away = Gateway.start(data.resolve("away"), refusedPort);
        up = Gateway.start(data.resolve("up"), answering.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> away.breakerState() == 1 && up.ledger().head(METER).isPresent());
    }

    @AfterEach
    void stop() {
        if (away != null) {
            away.close();
        }
        if (up != null) {
            up.close();
        }
        answering.close();
    }

    @Test
    void eachContextsMeterHealthShowsOnlyItsOwnMetersState() {
        HealthCheck.Result awayHealth = away.meterHealth();
        HealthCheck.Result upHealth = up.meterHealth();

        assertThat(awayHealth.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(awayHealth.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("meter " + METER + " unreachable; circuit open, next try in "));
        assertThat(upHealth.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(upHealth.getMessage()).hasValueSatisfying(message -> assertThat(message).startsWith("meter " + METER + " up, last reading "));
    }

    @Test
    void eachContextsMeterFiguresGoToItsOwnRegistryOnly() {
        // Figures are recorded once an exchange completed, just after the poll the set-up waited for.
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(up.metrics().find("energyweb.meter.read").tag("meter", METER).timer())
                && counted(away.metrics().find("energyweb.meter.faults").tag("meter", METER).tag("reason", "unreachable").counter()));

        assertThat(up.metrics().find("energyweb.meter.faults").counters()).as("faults of the answering gateway's m1").isEmpty();
    }

    private static boolean counted(Timer timer) {
        return timer != null && timer.count() > 0;
    }

    private static boolean counted(Counter counter) {
        return counter != null && counter.count() > 0;
    }

    @Test
    void eachContextsBreakerGaugeShowsOnlyItsOwnBreakers() {
        assertThat(away.breakers()).containsExactly("meter " + METER + " (modbus:127.0.0.1:" + refusedPort + "/1)");
        assertThat(up.breakers()).containsExactly("meter " + METER + " (modbus:127.0.0.1:" + answering.port() + "/1)");
        assertThat(up.breakerState()).as("closed").isZero();
    }
}
