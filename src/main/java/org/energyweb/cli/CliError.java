package org.energyweb.cli;

/** A mistake in what the user gave the CLI (a path, a config, an option); its message is shown as is. */
class CliError extends RuntimeException {
    CliError(String message) {
        super(message);
    }

    CliError(String message, Throwable cause) {
        super(message, cause);
    }
}
