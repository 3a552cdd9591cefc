package dev.preflight.engine;

import dev.preflight.dsl.Severity;
import java.util.Locale;

/** The mildest severity that fails the gate ({@code --fail-on}), or {@link #NEVER}. */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** True when a finding of {@code severity} fails the gate. */
    public boolean fails(Severity severity) {
        return threshold != null && severity.atLeast(threshold);
    }

    /** The value for a user's word ({@code error}, {@code warning}, {@code note}, {@code never}). */
    public static FailOn parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + word + "' is not one of error, warning, note, never");
        }
    }
}
