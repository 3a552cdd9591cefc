package dev.preflight.source;

/**
 * Something wrong with an input. Most problems mean the input could not be read as it should (a parse error, a bad
 * template, an unreadable file): reported as {@code parse-error}, they make the scan exit with 2. A problem with a
 * {@code ruleId} is a defect of an input that was still read, reported as a finding of that engine check instead
 * (e.g. {@link #DUPLICATE_KEY}: the file is read with the last value, as CloudFormation does).
 */
public record Problem(Span where, String message, String ruleId) {
    /** A key written twice in one mapping of a template. */
    public static final String DUPLICATE_KEY = "duplicate-key";

    /** An input that could not be read as it should. */
    public Problem(Span where, String message) {
        this(where, message, null);
    }

    /** True for a problem that stopped the input from being read as it should (a {@code parse-error}). */
    public boolean unreadable() {
        return ruleId == null;
    }
}
