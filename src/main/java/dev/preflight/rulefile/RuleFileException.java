package dev.preflight.rulefile;

/** A rule file that cannot be used, with {@code file:line:col} and the key at fault in the message. */
public final class RuleFileException extends Exception {
    private static final long serialVersionUID = 1L;

    RuleFileException(String message) {
        super(message, null, false, false);
    }
}
