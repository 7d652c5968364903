package org.energyweb.meter.link;

/**
 * A serial device, its baud rate and its character format. What meters use: DSMR 5 and the Belgian e-MUCS P1 port
 * 115200 8N1 (P1 Companion Standard 5.0.2, 4.2); DSMR 4.x 115200 7E1 and DSMR 2.2/3.0 9600 7E1 (the settings of the
 * dsmr_parser library's serial reader; other readers take DSMR 4.x as 8N1: a format that garbles the telegram fails
 * its CRC, so it shows as faults, never as a wrong reading); SML optical reading heads 9600 8N1; M-Bus level converters 8E1 (EN 13757-2),
 * at the 2400 baud meters answer at out of the box.
 *
 * @param device the serial device (/dev/ttyUSB0, a /dev/serial/by-id/ link, a pty's path, COM3)
 */
public record SerialLine(String device, int baudRate, CharFormat format) {

    public SerialLine {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("the serial device is required (e.g. /dev/ttyUSB0)");
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate " + baudRate + " is not positive");
        }
        if (format == null) {
            throw new IllegalArgumentException("the character format is required (e.g. 8N1)");
        }
    }

    @Override
    public String toString() {
        return device + " " + baudRate + " " + format;
    }
}
