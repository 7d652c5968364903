package org.energyweb.app.example;

import org.apache.camel.Exchange;
import org.energyweb.app.LifeCycle;
import org.energyweb.app.Task;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The original README's five-second task as a bean of a gateway route
 * ({@code routes/examples/task-gateway.camel.yaml}): eager, so it runs at once and then every five
 * seconds, says when it ran as the original printed, and hands the route a reading of its own meter
 * whose register counts its runs. The count goes on from the gateway's ledger, which the task reads
 * through the gateway's ledger component, so it survives restarts and never goes backwards.
 */
public class ExampleTask extends Task {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleTask.class);

    private String meterId = "task-1";
    private String dataDir;

    public ExampleTask() {
        super(LifeCycle.FIVE_SECONDS, true);
    }

    @Override
    protected void prepare() {
        LOG.info("Task {} prepared", interval().toSeconds());
    }

    @Override
    protected void main(Duration interval) {
        LOG.info("Task {} ran at {}", interval.toSeconds(), LocalTime.now().withNano(0));
    }

    @Override
    protected void main(Duration interval, Exchange exchange) {
        main(interval);
        Ledger ledger = LedgerComponent.of(getCamelContext(), dataDir);
        long runs = ledger.head(meterId).map(ChainHead::energyWh).orElse(0L) + 1;
        exchange.getMessage().setBody(Measurement.of(meterId, Instant.now(), runs, "task:" + getClass().getSimpleName()));
    }

    @Override
    protected void finish() {
        LOG.info("Task {} finished", interval().toSeconds());
    }

    /** The meter id of the task's readings. */
    public void setMeterId(String meterId) {
        this.meterId = meterId;
    }

    /** The gateway's data folder (blank: the ledger component's own). */
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }
}
