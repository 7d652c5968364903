package org.energyweb.meter.mqtt;

/** A device message that cannot become a reading; its message is the fault's reason. */
public class MessageFormatException extends Exception {

    public MessageFormatException(String reason) {
        super(reason);
    }
}
