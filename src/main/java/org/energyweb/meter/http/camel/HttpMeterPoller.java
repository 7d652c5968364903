package org.energyweb.meter.http.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.http.Credentials;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;
import org.energyweb.meter.camel.MeterOutcome;
import org.energyweb.meter.camel.MeterSourceEndpoint;
import org.energyweb.remote.camel.BreakerOptions;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A kamelet bean that reads one meter over HTTP each time a timer fires. The exchange then carries
 * either a {@link Measurement} body, or, when the meter could not be read, the
 * {@link org.energyweb.reading.MeterFault} as body and the {@link MeterFaultException} as the caught
 * exception ({@link Exchange#EXCEPTION_CAUGHT}), exactly as after a doCatch: the exchange goes on to
 * the ledger, which dead-letters the fault and marks the meter down. A poll that found nothing new
 * stops the exchange, so no reading (and never 0 Wh) is made up. So does a poll the meter's circuit
 * breaker holds back while the API is unreachable ({@link MeterCircuit}).
 *
 * <p>The properties are set by the kamelet; the source behind them is built when the route starts
 * (so a plain-http URL to another machine, a missing property or a bad version stops the route from
 * starting, with one clear error, instead of failing every poll) and keeps its state (windows,
 * running totals, last readings) for the life of the route.
 */
public abstract class HttpMeterPoller extends ServiceSupport implements Processor, CamelContextAware {

    private String meterId;
    private String baseUrl;
    private String user = "";
    private String password = "";
    private long connectTimeout = HttpSourceSettings.DEFAULT_CONNECT_TIMEOUT.toMillis();
    private long requestTimeout = HttpSourceSettings.DEFAULT_REQUEST_TIMEOUT.toMillis();
    private boolean allowInsecure;
    private long resumeEnergyWh = -1;
    private String resumeTime = "";
    private final BreakerOptions breaker = new BreakerOptions();
    private Clock clock = Clock.systemUTC();
    private MeterPoll source;
    private MeterCircuit circuit;
    private CamelContext camelContext;

    /** One meter's source: a reading, nothing new, or a {@link MeterFaultException}. */
    @FunctionalInterface
    protected interface MeterPoll {
        Optional<Measurement> poll();
    }

    /** Builds the source; {@code resume} is the ledger's last reading of the meter, when configured. */
    protected abstract MeterPoll createSource(HttpSourceSettings settings, String meter, Optional<Measurement> resume, Clock clock);

    /** The credentials of this API: Basic auth by default. */
    protected Credentials credentials() {
        return Credentials.fromSettings(user, password, null);
    }

    /** Camel starts the processors of a route before its timer fires; the settings are checked here. */
    @Override
    protected void doStart() {
        source();
    }

    @Override
    public void process(Exchange exchange) {
        MeterPoll source = source();
        MeterOutcome outcome = MeterOutcome.poll(circuit, source::poll);
        if (outcome.isNothing()) {
            exchange.setRouteStop(true);
        } else {
            outcome.writeTo(exchange);
        }
    }

    private synchronized MeterPoll source() {
        if (source == null) {
            HttpSourceSettings settings = new HttpSourceSettings(URI.create(required(baseUrl, "baseUrl")), credentials(),
                    Duration.ofMillis(connectTimeout), Duration.ofMillis(requestTimeout), allowInsecure);
            source = createSource(settings, required(meterId, "meterId"), resumePoint(), clock);
            circuit = MeterSourceEndpoint.circuits(camelContext).open(meterId, baseUrl, breaker.breakerSettings(camelContext));
        }
        return source;
    }

    private Optional<Measurement> resumePoint() {
        if (resumeEnergyWh < 0) {
            return Optional.empty();
        }
        if (isBlank(resumeTime)) {
            throw new IllegalArgumentException("resumeEnergyWh needs resumeTime, the time of the ledger's last reading of meter " + meterId);
        }
        return Optional.of(Measurement.of(meterId, OffsetDateTime.parse(resumeTime).toInstant(), resumeEnergyWh, "resume"));
    }

    static String required(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("the property " + name + " is required");
        }
        return value.trim();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** An RFC 3339 time, or {@code fallback} when blank. */
    static Instant instantOr(String text, Instant fallback) {
        return isBlank(text) ? fallback : OffsetDateTime.parse(text.trim()).toInstant();
    }

    public void setMeterId(String meterId) {
        this.meterId = meterId;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void setUser(String user) {
        this.user = user;
    }

    protected String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    protected String getPassword() {
        return password;
    }

    public void setConnectTimeout(long millis) {
        this.connectTimeout = millis;
    }

    public void setRequestTimeout(long millis) {
        this.requestTimeout = millis;
    }

    /** Accept plain http to a host that is not loopback (readings and credentials travel unencrypted). */
    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public void setResumeEnergyWh(long resumeEnergyWh) {
        this.resumeEnergyWh = resumeEnergyWh;
    }

    public void setResumeTime(String resumeTime) {
        this.resumeTime = resumeTime;
    }

    /** The meter's circuit breaker options; the kamelets set {@code breaker.breakerFailureThreshold} and {@code breaker.breakerOpenDuration}. */
    public BreakerOptions getBreaker() {
        return breaker;
    }

    /** The gateway the meter's circuit is shown by; Camel sets it on the kamelet's bean. */
    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** For tests and embedding applications that run on another clock. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
