package org.energyweb.ledger.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

import java.util.Arrays;
import java.util.List;

/**
 * The durable, hash-chained ledger of a data folder: {@code to("ledger:append")} appends readings;
 * {@code from("ledger:outbox?hop=ipfs")} emits, in ledger order, the readings a later hop has not
 * finished, and records the hop's state once the route has processed each one.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "ledger", title = "Energyweb ledger", syntax = "ledger:operation",
        category = {Category.DATABASE}, headersClass = LedgerConstants.class)
public class LedgerEndpoint extends ScheduledPollEndpoint {

    @UriPath(enums = "append,outbox", description = "append: append a measurement (or record a fault and mark the meter down); outbox: emit readings pending on a hop")
    @Metadata(required = true)
    private final LedgerOperation operation;
    @UriParam(defaultValue = "data", description = "The data folder holding the ledger (SQLite, WAL)")
    private String dataDir;
    @UriParam(label = "producer", defaultValue = "1048576", description = "Input larger than this many bytes (a file, bytes or text) is"
            + " refused before it is read, as one dead letter with its size; a reading document is a few hundred bytes")
    private long maxInputBytes = InputBody.DEFAULT_MAX_BYTES;
    @UriParam(label = "consumer", description = "The hop whose pending readings the outbox emits, e.g. ipfs or chain")
    private String hop;
    @UriParam(label = "consumer", defaultValue = "done", description = "Comma-separated states that finish a reading on the hop; the rest is pending")
    private String finalStates = "done";
    @UriParam(label = "consumer", defaultValue = "500", description = "Readings fetched per poll")
    private int batchSize = 500;
    @UriParam(label = "consumer", defaultValue = "1", description = "Readings processed at once; more than 1 suits an asynchronous hop such as a transaction pipeline")
    private int maxInFlight = 1;
    @UriParam(label = "consumer", defaultValue = "true", description = "Record the EnergywebHopState header as the reading's state once processed; false when the hop records its own states")
    private boolean recordState = true;
    @UriParam(label = "consumer", defaultValue = "1000", description = "First wait in ms after a failed reading before it is tried again; doubles per failure, with jitter")
    private long retryDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "60000", description = "Longest wait in ms between two tries of a failing reading")
    private long maxRetryDelay = 60_000;

    public LedgerEndpoint(String uri, LedgerComponent component, LedgerOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public Producer createProducer() {
        return new LedgerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != LedgerOperation.OUTBOX) {
            throw new IllegalArgumentException("only ledger:outbox can start a route; " + getEndpointUri() + " is used in to:");
        }
        if (hop == null || hop.isBlank()) {
            throw new IllegalArgumentException("ledger:outbox needs the hop it serves, e.g. ledger:outbox?hop=ipfs");
        }
        LedgerOutboxConsumer consumer = new LedgerOutboxConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    List<String> finalStateList() {
        return Arrays.stream(finalStates.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public LedgerComponent getComponent() {
        return (LedgerComponent) super.getComponent();
    }

    public LedgerOperation getOperation() {
        return operation;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public long getMaxInputBytes() {
        return maxInputBytes;
    }

    public void setMaxInputBytes(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    public String getHop() {
        return hop;
    }

    public void setHop(String hop) {
        this.hop = hop;
    }

    public String getFinalStates() {
        return finalStates;
    }

    public void setFinalStates(String finalStates) {
        this.finalStates = finalStates;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public boolean isRecordState() {
        return recordState;
    }

    public void setRecordState(boolean recordState) {
        this.recordState = recordState;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }
}
