package org.energyweb.tlog.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.tlog.LedgerLog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code tlog:checkpoint?dataDir=data}: the gateway's transparency log. One {@link LedgerLog} per
 * ledger, shared by the endpoints naming it (two followers of one ledger would write the same tiles),
 * opened when the first route starts and closed when the component stops.
 */
@Component("tlog")
public class TransparencyLogComponent extends DefaultComponent {

    private final Map<Path, LedgerLog> logs = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!TransparencyLogEndpoint.CHECKPOINT.equals(remaining)) {
            throw new IllegalArgumentException("the transparency log endpoint is tlog:checkpoint, not tlog:" + remaining);
        }
        TransparencyLogEndpoint endpoint = new TransparencyLogEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The log following the ledger of {@code dataDir} (null: the ledger component's), opened on first use. */
    synchronized LedgerLog log(String dataDir) {
        Ledger ledger = LedgerComponent.of(getCamelContext(), dataDir);
        return logs.computeIfAbsent(ledger.dataDir().toAbsolutePath().normalize(), folder -> LedgerLog.open(ledger));
    }

    @Override
    protected synchronized void doStop() throws Exception {
        logs.values().forEach(LedgerLog::close);
        logs.clear();
        super.doStop();
    }
}
