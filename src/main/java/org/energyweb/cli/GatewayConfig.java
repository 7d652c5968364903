package org.energyweb.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Checks a gateway's config and data folder before anything starts, so a mistake is one clear line. */
final class GatewayConfig {

    private GatewayConfig() {
    }

    static Properties load(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new CliError("no config file at " + config.toAbsolutePath());
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CliError("cannot read config " + config + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliError("malformed config " + config + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
