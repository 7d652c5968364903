package org.energyweb.ledger.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerLimits;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable ledger as a Camel component: {@code ledger:append?dataDir=data}. Endpoints of the
 * same data folder share one open ledger, which the component closes when it stops.
 */
@Component("ledger")
public class LedgerComponent extends DefaultComponent {

    @Metadata(defaultValue = "data", description = "The data folder holding the ledger, unless an endpoint names another")
    private String dataDir = "data";
    @Metadata(defaultValue = "1000000", description = "At most this many dead letters are kept: a warning at 80 %, then the oldest"
            + " replayed ones are pruned; when none is replayed a new dead letter is refused with an error")
    private long deadLetterMaxRows = LedgerLimits.DEFAULT_DEAD_LETTER_MAX_ROWS;
    @Metadata(defaultValue = "34359738368", description = "Log a warning once when the ledger's files pass this many bytes (0: never)")
    private long sizeWarningBytes = LedgerLimits.DEFAULT_SIZE_WARNING_BYTES;
    @Metadata(defaultValue = "900", description = "A measurement timed more than this many seconds after the gateway's clock is refused"
            + " (a dead letter): a meter clock that far ahead would block every later reading of the meter")
    private long futureToleranceSeconds = LedgerLimits.DEFAULT_FUTURE_TOLERANCE.toSeconds();
    @Metadata(autowired = true, description = "An already open ledger to use (when Energyweb is embedded); its data folder wins. Default: the single Ledger bean of the registry, if any")
    private Ledger ledger;

    private final Map<Path, Ledger> opened = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LedgerEndpoint endpoint = new LedgerEndpoint(uri, this, LedgerOperation.parse(remaining));
        endpoint.setDataDir(dataDir);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The application's ledger when there is one (set on the component, or the single Ledger bean of
     * the registry, as {@code energyweb run} binds it), else the open ledger of {@code dataDir},
     * opening it on first use: one process holds one ledger per data folder.
     */
    public Ledger ledger(String dataDir) {
        if (ledger == null) {
            ledger = getCamelContext().getRegistry().findSingleByType(Ledger.class);
        }
        if (ledger != null) {
            return ledger;
        }
        Path path = Path.of(dataDir).toAbsolutePath().normalize();
        return opened.computeIfAbsent(path, folder -> Ledger.open(folder, new LedgerLimits(deadLetterMaxRows, sizeWarningBytes,
                java.time.Duration.ofSeconds(futureToleranceSeconds))));
    }

    /**
     * How every Energyweb component finds the application's ledger: the ledger component's, for
     * {@code dataDir} (null: the ledger component's own dataDir), so no Ledger bean needs binding.
     */
    public static Ledger of(CamelContext context, String dataDir) {
        LedgerComponent component = context.getComponent("ledger", LedgerComponent.class);
        return component.ledger(dataDir == null || dataDir.isBlank() ? component.getDataDir() : dataDir);
    }

    @Override
    protected void doStop() throws Exception {
        opened.values().forEach(Ledger::close);
        opened.clear();
        super.doStop();
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public long getDeadLetterMaxRows() {
        return deadLetterMaxRows;
    }

    public void setDeadLetterMaxRows(long deadLetterMaxRows) {
        this.deadLetterMaxRows = deadLetterMaxRows;
    }

    public long getSizeWarningBytes() {
        return sizeWarningBytes;
    }

    public void setSizeWarningBytes(long sizeWarningBytes) {
        this.sizeWarningBytes = sizeWarningBytes;
    }

    public long getFutureToleranceSeconds() {
        return futureToleranceSeconds;
    }

    public void setFutureToleranceSeconds(long futureToleranceSeconds) {
        this.futureToleranceSeconds = futureToleranceSeconds;
    }

    public Ledger getLedger() {
        return ledger;
    }

    public void setLedger(Ledger ledger) {
        this.ledger = ledger;
    }
}
