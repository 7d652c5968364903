package org.energyweb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The launcher's logging settings: the library jar ships no {@code simplelogger.properties} (it would
 * configure the logging of every application embedding it), so the command line sets slf4j-simple's
 * system properties itself before the first logger is made. A -D on the command line still wins.
 */
final class LauncherLogging {

    private static final String SETTINGS = "launcher-logging.properties";

    private LauncherLogging() {
    }

    static void apply() {
        Properties settings = new Properties();
        try (InputStream in = LauncherLogging.class.getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException(SETTINGS + " is missing from the jar");
            }
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.stringPropertyNames().forEach(name -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, settings.getProperty(name));
            }
        });
    }
}
