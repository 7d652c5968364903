package org.energyweb.meter.mbus;

/** An M-Bus answer that cannot become a reading (undecodable, no energy record, a foreign unit); its message is the reason. */
public class MbusFormatException extends Exception {

    public MbusFormatException(String reason) {
        super(reason);
    }

    public MbusFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
