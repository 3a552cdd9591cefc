package dev.preflight.source;

/**
 * Something wrong with an input. Most problems mean the input could not be used: a file that does not parse or is
 * not a valid template ({@link Kind#PARSE}), or a path that does not exist or cannot be read at all
 * ({@link Kind#INPUT}); they make the scan exit with 2, and {@code hint} says what to do (null for the kind's usual
 * advice). A problem with a {@code ruleId} is a defect of an input that was still read, reported as a finding of that
 * engine check instead (e.g. {@link #DUPLICATE_KEY}: the file is read with the last value, as CloudFormation does).
 */
public record Problem(Span where, String message, Kind kind, String hint, String ruleId) {
    /** A key written twice in one mapping of a template. */
    public static final String DUPLICATE_KEY = "duplicate-key";

    /** Why an input could not be used: the engine reports each kind under its own rule id, with its own advice. */
    public enum Kind {
        /** The file was read but does not parse, or is not a valid template: the user fixes its text. */
        PARSE,
        /** The path does not exist, cannot be read, or is not text: the user fixes the path or the file system. */
        INPUT
    }

    /** A file that was read but could not be parsed or loaded. */
    public Problem(Span where, String message) {
        this(where, message, Kind.PARSE, null, null);
    }

    /** An input that could not be used, of {@code kind}, with what to do about it (null for the usual advice). */
    public Problem(Span where, String message, Kind kind, String hint) {
        this(where, message, kind, hint, null);
    }

    /** A defect of an input that was still read, reported as a finding of the engine check {@code ruleId}. */
    public Problem(Span where, String message, String ruleId) {
        this(where, message, Kind.PARSE, null, ruleId);
    }

    /** A path that does not exist or cannot be read, with what to do about it. */
    public static Problem input(Span where, String message, String hint) {
        return new Problem(where, message, Kind.INPUT, hint);
    }

    /** True for a problem that stopped the input from being used (a {@code parse-error} or an {@code input-error}). */
    public boolean unreadable() {
        return ruleId == null;
    }

    /** The same problem at another place (a path made relative for reports). */
    public Problem at(Span newWhere) {
        return new Problem(newWhere, message, kind, hint, ruleId);
    }
}
