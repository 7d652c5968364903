package org.energyweb.remote;

/** A call refused without touching the network, because the remote's circuit is open. */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(String message) {
        super(message);
    }
}
