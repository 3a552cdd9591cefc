package dev.preflight.cli;

/** A command line or config file that cannot be acted on; exits with 2 and the message. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
