package dev.preflight.engine;

import java.util.List;

/**
 * A config file that cannot be used. {@link #errors} holds every error of the file, each naming the file, the line
 * and the key; the message is them all, one per line.
 */
public final class ConfigException extends Exception {
    private final List<String> errors;

    public ConfigException(String message) {
        this(List.of(message));
    }

    /** A file with {@code errors}, in the order of the file. */
    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error, each "file:line: message". */
    public List<String> errors() {
        return errors;
    }
}
