package dev.preflight.cli;

/** A command line or config file that cannot be acted on; exits with 2 and the message. */
final class UsageException extends Exception {
    private final String command;

    UsageException(String message) {
        this(message, null);
    }

    /** A refusal that points the user at {@code command}'s help; null leaves that to the caller. */
    UsageException(String message, String command) {
        super(message);
        this.command = command;
    }

    /** The command whose help the user should read, or null when the caller knows better. */
    String command() {
        return command;
    }
}
