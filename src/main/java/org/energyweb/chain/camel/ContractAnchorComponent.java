package org.energyweb.chain.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.ledger.Ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * The component of a {@link ContractAnchorEndpoint}: checks an endpoint's options when a route is created, and runs one
 * anchorer (with its transaction pipeline) per ledger and contract, shared by the endpoints naming them, since two
 * anchorers of one outbox would race to anchor the same entries.
 *
 * @param <E> the endpoint
 * @param <R> a running anchorer, closed when the component stops
 */
public abstract class ContractAnchorComponent<E extends ContractAnchorEndpoint<R>, R extends AutoCloseable> extends DefaultComponent {

    private final Map<String, R> running = new HashMap<>();

    protected abstract E newEndpoint(String uri, String contract);

    /**
     * Checks what the scheme needs beyond the contract, rpcUrl and keystore.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    protected abstract void check(E endpoint);

    /** Starts the anchorer of {@code endpoint}'s contract on {@code ledger}. */
    protected abstract R start(E endpoint, Ledger ledger) throws Exception;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        E endpoint = newEndpoint(uri, remaining);
        setProperties(endpoint.getConnection(), parameters);
        setProperties(endpoint, parameters);
        SigningConnection connection = endpoint.getConnection();
        if (connection.getRpcUrl() == null || connection.getKeystore() == null || !remaining.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(getDefaultName() + " needs the anchor contract address as path and rpcUrl and keystore");
        }
        check(endpoint);
        // Checked now, so an insecure URL fails when the route is created, not when the first entry is anchored.
        connection.connect(getCamelContext());
        return endpoint;
    }

    /** The anchorer of {@code endpoint}'s ledger and contract, started if it is not running yet. */
    public synchronized R anchoring(E endpoint) throws Exception {
        Ledger ledger = endpoint.getConnection().ledger(getCamelContext());
        String key = ledger.dataDir() + "|" + endpoint.getContract().toLowerCase();
        R existing = running.get(key);
        if (existing != null) {
            return existing;
        }
        R started = start(endpoint, ledger);
        running.put(key, started);
        return started;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        for (R anchorer : running.values()) {
            anchorer.close();
        }
        running.clear();
        super.doStop();
    }
}
