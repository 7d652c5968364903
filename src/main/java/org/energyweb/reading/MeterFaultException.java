package org.energyweb.reading;

/** Carries a {@link MeterFault} through code that reads meters, and through Camel's error handling. */
public class MeterFaultException extends RuntimeException {

    private final transient MeterFault fault;
    private final boolean unreachable;

    public MeterFaultException(MeterFault fault) {
        this(fault, false);
    }

    public MeterFaultException(MeterFault fault, Throwable cause) {
        this(fault, false);
        initCause(cause);
    }

    private MeterFaultException(MeterFault fault, boolean unreachable) {
        // A fault of input that names no meter (a bad file) says so rather than "meter null".
        super((fault.meter() != null ? "meter " + fault.meter() : "unknown meter") + " (" + fault.source() + "): " + fault.reason());
        this.fault = fault;
        this.unreachable = unreachable;
    }

    /** The meter could not be reached at all (no connection, no answer, link lost), which its circuit breaker counts. */
    public static MeterFaultException unreachable(MeterFault fault, Throwable cause) {
        MeterFaultException exception = new MeterFaultException(fault, true);
        exception.initCause(cause);
        return exception;
    }

    public MeterFault fault() {
        return fault;
    }

    /** True when the meter did not answer; false when it answered with something that is not a reading. */
    public boolean unreachable() {
        return unreachable;
    }

    /** The same fault with {@code reason} instead. */
    public MeterFaultException withReason(String reason) {
        MeterFault changed = new MeterFault(fault.meter(), fault.time(), fault.source(), reason, fault.payload());
        MeterFaultException exception = new MeterFaultException(changed, unreachable);
        exception.initCause(getCause());
        return exception;
    }
}
