package dev.preflight.dsl;

/**
 * How bad a finding is; the order is from worst to mildest, and {@code --fail-on} compares on it.
 *
 * <pre>{@code
 * rule("acme-bucket-name-prefix").severity(Severity.WARNING)
 * boolean fails = finding.severity().atLeast(Severity.WARNING);
 * }</pre>
 */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** True when this severity is at least as bad as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
