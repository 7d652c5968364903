package org.energyweb.reading;

/** Carries a {@link MeterFault} through code that reads meters, and through Camel's error handling. */
public class MeterFaultException extends RuntimeException {

    private final transient MeterFault fault;

    public MeterFaultException(MeterFault fault) {
        super("meter " + fault.meter() + " (" + fault.source() + "): " + fault.reason());
        this.fault = fault;
    }

    public MeterFaultException(MeterFault fault, Throwable cause) {
        this(fault);
        initCause(cause);
    }

    public MeterFault fault() {
        return fault;
    }
}
