package org.energyweb.meter.dsmr;

/** A telegram that cannot be trusted or read: its message is the reason given in the fault. */
public class DsmrFormatException extends Exception {

    public DsmrFormatException(String reason) {
        super(reason);
    }
}
