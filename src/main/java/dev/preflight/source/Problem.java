package dev.preflight.source;

/**
 * An input that could not be used: a file that does not parse or is not a valid template ({@link Kind#PARSE}), or a
 * path that does not exist or cannot be read at all ({@link Kind#INPUT}). {@code hint} says what to do, or is null
 * for the kind's usual advice.
 */
public record Problem(Span where, String message, Kind kind, String hint) {

    /** Why an input could not be used: the engine reports each kind under its own rule id, with its own advice. */
    public enum Kind {
        /** The file was read but does not parse, or is not a valid template: the user fixes its text. */
        PARSE,
        /** The path does not exist, cannot be read, or is not text: the user fixes the path or the file system. */
        INPUT
    }

    /** A file that was read but could not be parsed or loaded. */
    public Problem(Span where, String message) {
        this(where, message, Kind.PARSE, null);
    }

    /** A path that does not exist or cannot be read, with what to do about it. */
    public static Problem input(Span where, String message, String hint) {
        return new Problem(where, message, Kind.INPUT, hint);
    }

    /** The same problem at another place (a path made relative for reports). */
    public Problem at(Span newWhere) {
        return new Problem(newWhere, message, kind, hint);
    }
}
