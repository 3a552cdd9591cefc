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

    /** A refusal about the user's rules or config, where the command's help has nothing to add. */
    static UsageException withoutHelp(String message) {
        return new UsageException(message, NO_HELP);
    }

    /** The command name that means "no help to point at". */
    static final String NO_HELP = "";

    /** The command whose help the user should read, or null when the caller knows better. */
    String command() {
        return command;
    }
}
