package org.energyweb.chain.camel;

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
import org.energyweb.chain.events.AbiEvent;
import org.energyweb.chain.events.EventListener;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.ledger.camel.LedgerComponent;

/**
 * Starts a route with each event of one contract, once its block has the configured number of
 * confirmations. The event is given by ABI signature (or a preset), the last delivered block is
 * kept in the ledger, and a reorganisation or a node that goes away is survived. The body is a map
 * of the event's values by parameter name.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "origin-events", title = "Energy Web Origin events",
        syntax = "origin-events:name", consumerOnly = true, category = {Category.BLOCKCHAIN}, headersClass = OriginConstants.class)
public class OriginEventsEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "Name of this listener: its checkpoint in the ledger is kept under it")
    @Metadata(required = true)
    private final String name;

    @UriParam
    private final RpcConnection connection = new RpcConnection();

    @UriParam(description = "Address of the contract whose events are read")
    @Metadata(required = true)
    private String contract;

    @UriParam(description = "The event as an ABI signature with names, e.g. Transfer(address indexed from, address indexed to, uint256 value); "
            + "default: the preset's event")
    private String event;

    @UriParam(enums = "producing,consuming,anchor", description = "A preset for event: LogNewMeterRead of the producing or consuming "
            + "registry, or LogBatchAnchored of the reading anchor")
    private String preset;

    @UriParam(description = "The data folder of the ledger keeping the checkpoint; default: the ledger component's (a Ledger bean in the registry wins)")
    private String dataDir;

    @UriParam(defaultValue = "1", description = "Blocks (its own included) an event's block needs before the event is delivered")
    private int confirmations = 1;

    @UriParam(defaultValue = "0", description = "First block read when the listener has no checkpoint yet")
    private long fromBlock;

    @UriParam(label = "advanced", defaultValue = "2000", description = "Most blocks asked for in one eth_getLogs request")
    private int maxBlockRange = 2_000;

    @UriParam(label = "advanced", defaultValue = "64", description = "Blocks read again when the checkpoint block was reorganised away")
    private int reorgRewind = 64;

    OriginEventsEndpoint(String uri, OriginEventsComponent component, String name) {
        super(uri, component);
        this.name = name;
        setDelay(1_000);
    }

    @Override
    public OriginEventsComponent getComponent() {
        return (OriginEventsComponent) super.getComponent();
    }

    AbiEvent abiEvent() {
        if (event != null) {
            return AbiEvent.parse(event);
        }
        if (preset == null) {
            throw new IllegalArgumentException("origin-events:" + name + " needs event (an ABI signature) or preset");
        }
        return switch (preset) {
            case "producing" -> Registry.PRODUCING.newMeterReadEvent();
            case "consuming" -> Registry.CONSUMING.newMeterReadEvent();
            case "anchor" -> ReadingAnchorContract.LOG_BATCH_ANCHORED;
            default -> throw new IllegalArgumentException("preset must be producing, consuming or anchor, not '" + preset + "'");
        };
    }

    RpcConnection getConnection() {
        return connection;
    }

    EventListener listener() {
        return new EventListener(new Eth(connection.connect(getCamelContext())), contract, abiEvent(), LedgerComponent.of(getCamelContext(), dataDir).settings(), name,
                new EventListener.Options(confirmations, fromBlock, maxBlockRange, reorgRewind));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OriginEventsConsumer consumer = new OriginEventsConsumer(this, processor, listener());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("origin-events: only reads events; write meter reads with origin:");
    }

    public String getName() {
        return name;
    }



    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public int getConfirmations() {
        return confirmations;
    }

    public void setConfirmations(int confirmations) {
        this.confirmations = confirmations;
    }

    public long getFromBlock() {
        return fromBlock;
    }

    public void setFromBlock(long fromBlock) {
        this.fromBlock = fromBlock;
    }

    public int getMaxBlockRange() {
        return maxBlockRange;
    }

    public void setMaxBlockRange(int maxBlockRange) {
        this.maxBlockRange = maxBlockRange;
    }

    public int getReorgRewind() {
        return reorgRewind;
    }

    public void setReorgRewind(int reorgRewind) {
        this.reorgRewind = reorgRewind;
    }


}
