package dev.preflight.engine;

/**
 * A user's rule jar or rule file that cannot be used: it does not load, registers nothing, declares a rule id that
 * is taken, or a rule in it cannot say what it is. The message names the jar or file and the rule; the command line
 * prints it and exits with 2, with no stack trace.
 */
public final class UserRuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public UserRuleException(String message) {
        super(message, null, false, false);
    }
}
