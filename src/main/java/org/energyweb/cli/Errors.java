package org.energyweb.cli;

/** One clear line for a failure: the most telling message in the cause chain, not a stack trace. */
final class Errors {

    private Errors() {
    }

    /**
     * Prefers the outermost of our own exceptions (they are written for users), else the root
     * cause, since frameworks wrap the real reason in generic layers ("Failed to start route...").
     */
    static String describe(Throwable error) {
        Throwable ours = null;
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (ours == null && t.getClass().getName().startsWith("org.energyweb")) {
                ours = t;
            }
            root = t;
        }
        for (Throwable candidate : new Throwable[] {ours, root, error}) {
            if (candidate != null && candidate.getMessage() != null && !candidate.getMessage().isBlank()) {
                return candidate.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}
