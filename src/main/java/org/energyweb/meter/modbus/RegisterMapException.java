package org.energyweb.meter.modbus;

import java.nio.file.Path;

/** A register map that cannot be used; the message names the file and, where it applies, the point. */
public class RegisterMapException extends RuntimeException {

    public RegisterMapException(Path file, String point, String problem) {
        super("register map " + file + (point == null ? "" : ", point " + point) + ": " + problem);
    }

    public RegisterMapException(Path file, String problem, Throwable cause) {
        super("register map " + file + ": " + problem, cause);
    }
}
