package org.energyweb.meter.sml;

/** An SML file that cannot be trusted (bad CRC, broken escape sequence, undecodable message, missing register); its message is the reason. */
public class SmlFormatException extends Exception {

    public SmlFormatException(String reason) {
        super(reason);
    }
}
