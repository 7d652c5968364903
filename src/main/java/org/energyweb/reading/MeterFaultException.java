package org.energyweb.reading;

import java.util.Locale;

/** Carries a {@link MeterFault} through code that reads meters, and through Camel's error handling. */
public class MeterFaultException extends RuntimeException {

    /** What kind of fault, in one word: few values, unlike the reason, so a metric can be labelled with it. */
    public enum Kind {
        /** The meter did not answer (no connection, no answer, link lost). */
        UNREACHABLE,
        /** The meter answered with a value that cannot be a reading of it (backwards, a jump beyond its rating, the future). */
        IMPLAUSIBLE,
        /** The meter answered with something that is not a reading (an error, a malformed or 'not implemented' value). */
        INVALID;

        /** The kind as a metric label value: {@code unreachable}, {@code implausible}, {@code invalid}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final transient MeterFault fault;
    private final Kind kind;

    public MeterFaultException(MeterFault fault) {
        this(fault, Kind.INVALID);
    }

    public MeterFaultException(MeterFault fault, Throwable cause) {
        this(fault, Kind.INVALID);
        initCause(cause);
    }

    private MeterFaultException(MeterFault fault, Kind kind) {
        // A fault of input that names no meter (a bad file) says so rather than "meter null".
        super((fault.meter() != null ? "meter " + fault.meter() : "unknown meter") + " (" + fault.source() + "): " + fault.reason());
        this.fault = fault;
        this.kind = kind;
    }

    /** The meter could not be reached at all (no connection, no answer, link lost), which its circuit breaker counts. */
    public static MeterFaultException unreachable(MeterFault fault, Throwable cause) {
        MeterFaultException exception = new MeterFaultException(fault, Kind.UNREACHABLE);
        exception.initCause(cause);
        return exception;
    }

    /** The meter answered, but with a value it cannot have measured. */
    public static MeterFaultException implausible(MeterFault fault) {
        return new MeterFaultException(fault, Kind.IMPLAUSIBLE);
    }

    public MeterFault fault() {
        return fault;
    }

    /** True when the meter did not answer; false when it answered with something that is not a reading. */
    public boolean unreachable() {
        return kind == Kind.UNREACHABLE;
    }

    public Kind kind() {
        return kind;
    }

    /** The same fault with {@code reason} instead. */
    public MeterFaultException withReason(String reason) {
        MeterFault changed = new MeterFault(fault.meter(), fault.time(), fault.source(), reason, fault.payload());
        MeterFaultException exception = new MeterFaultException(changed, kind);
        exception.initCause(getCause());
        return exception;
    }
}
