package org.energyweb.observe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.Main;
import org.energyweb.ledger.Ledger;
import org.energyweb.meter.MeterCircuits;
import org.energyweb.meter.camel.MeterSourceEndpoint;
import org.energyweb.tlog.LedgerLog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Health, metrics and the status page of a gateway, the Camel way: Camel Main's embedded management
 * server (camel-platform-http-main) on {@code 127.0.0.1:9876} unless configured otherwise, serving
 * {@code /observe/health} (with {@code /live} and {@code /ready}) from camel-health and
 * {@code /observe/metrics} from camel-micrometer-prometheus. Every {@code camel.management.*},
 * {@code camel.health.*} and {@code camel.metrics.*} property works as Camel documents it; this class
 * only sets safer defaults, refuses an unprotected bind beyond loopback, serves the transparency log
 * read-only under {@code /log/} ({@link LogResources}), and adds the gateway's own
 * health checks (ledger, IPFS and chain nodes) and meters ({@code energyweb_*}) to Camel's.
 */
public final class GatewayObservability implements AutoCloseable {

    /** How often the ledger-derived meters are read from the database. */
    public static final String METRICS_REFRESH = "energyweb.metrics.refresh-millis";
    /** Readings pending on a hop beyond which the hops check is down. */
    public static final String HOP_MAX_BACKLOG = "energyweb.health.hop-max-backlog";
    /** Seconds the oldest pending reading of a hop may wait before the hops check is down. */
    public static final String HOP_MAX_PENDING_SECONDS = "energyweb.health.hop-max-pending-seconds";
    /** Seconds without a reading ledgered after which the gateway is not ready. */
    public static final String MAX_LEDGERING_SILENCE_SECONDS = "energyweb.health.max-ledgering-silence-seconds";
    /** Free disk space under which the ledger is reported down. */
    public static final String MIN_FREE_DISK = "energyweb.health.ledger-min-free-bytes";

    private static final Map<String, String> DEFAULTS = Map.of(
            "camel.management.enabled", "true",
            ManagementAccess.HOST, ManagementAccess.DEFAULT_HOST,
            ManagementAccess.PORT, Integer.toString(ManagementAccess.DEFAULT_PORT),
            "camel.management.healthCheckEnabled", "true",
            "camel.management.metricsEnabled", "true",
            "camel.metrics.enabled", "true",
            // Each check's message says which node is away and why; nothing secret is in them.
            "camel.health.exposureLevel", "full");

    private final LedgerMetrics metrics;
    private final LedgeringHealthCheck ledgering;

    private GatewayObservability(LedgerMetrics metrics, LedgeringHealthCheck ledgering) {
        this.metrics = metrics;
        this.ledgering = ledgering;
    }

    /**
     * Sets up {@code main} (not started yet) with the management server, the gateway's health checks
     * and meters on {@code ledger}; {@code settings} are the gateway's config, {@code log} hears the
     * management URL once the server listens.
     *
     * @throws IllegalStateException when the settings would open the port to the network unprotected
     */
    public static GatewayObservability install(Main main, Properties settings, Ledger ledger, Consumer<String> log) {
        ManagementAccess access = ManagementAccess.of(settings, System.getenv());
        access.requireSafe();
        DEFAULTS.forEach((key, value) -> {
            if (!settings.containsKey(key)) {
                main.addInitialProperty(key, value);
            }
        });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // camel-micrometer-prometheus uses the registry bound under this name, so Camel's meters and ours share one scrape.
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        LedgerMetrics metrics = new LedgerMetrics(ledger, Duration.ofMillis(Long.parseLong(settings.getProperty(METRICS_REFRESH, "5000").trim())));
        metrics.bindTo(registry);
        long minFree = Long.parseLong(settings.getProperty(MIN_FREE_DISK, Long.toString(100L << 20)).trim());
        HopsHealthCheck hops = new HopsHealthCheck(metrics::snapshot, Long.parseLong(settings.getProperty(HOP_MAX_BACKLOG, "10000").trim()),
                Duration.ofSeconds(Long.parseLong(settings.getProperty(HOP_MAX_PENDING_SECONDS, "3600").trim())));
        LedgeringHealthCheck ledgering = new LedgeringHealthCheck(ledger,
                Duration.ofSeconds(Long.parseLong(settings.getProperty(MAX_LEDGERING_SILENCE_SECONDS, "900").trim())), Clock.systemUTC());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // Before the server starts, so it never listens without the guard.
                access.token().ifPresent(token -> BearerTokenGuard.install(managementServer(configured.getCamelContext()).getConfiguration(), token));
            }

            @Override
            public void afterStart(BaseMainSupport started) {
                CamelContext context = started.getCamelContext();
                List<HealthCheck> checks = new ArrayList<>(List.of(new LedgerHealthCheck(ledger, minFree), ledgering, hops));
                checks.addAll(RemoteNodes.healthChecks(context, new NodeProbes(Duration.ofSeconds(2))));
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                checks.forEach(health::register);
                MeterCircuits circuits = MeterSourceEndpoint.circuits(context);
                metrics.forEachMeter(meter -> health.register(new MeterHealthCheck(ledger, meter, circuits)));
                ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
                if (server != null) {
                    VertxPlatformHttpRouter router = server.getRouter();
                    new StatusPage(ledger).install(router);
                    new LogResources(ledger.dataDir().resolve(LedgerLog.DIRECTORY)).install(router);
                    int port = router.getServer().getServer().actualPort();
                    String scheme = access.tls() ? "https" : "http";
                    log.accept("management: " + scheme + "://" + access.host() + ":" + port + "/ (status page; health " + server.getHealthPath()
                            + ", metrics /observe/metrics, transparency log " + LogResources.PREFIX + ")");
                }
            }
        });
        return new GatewayObservability(metrics, ledgering);
    }

    private static ManagementHttpServer managementServer(CamelContext context) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("a management token is set but the management server is disabled (camel.management.enabled=false)");
        }
        return server;
    }

    @Override
    public void close() {
        ledgering.close();
        metrics.close();
    }
}
