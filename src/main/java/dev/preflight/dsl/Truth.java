package dev.preflight.dsl;

/**
 * Kleene's three-valued logic. UNKNOWN means "depends on a value preflight cannot see before apply"; selections keep
 * only TRUE and conditions fire only on a definite violation, so UNKNOWN always ends in silence.
 *
 * <pre>{@code
 * Truth encrypted = PropertyValue.of(db, "storage_encrypted", graph).isOneOf(List.of("true"));
 * Truth both = encrypted.and(PropertyValue.of(db, "kms_key_id", graph).isSet());   // FALSE wins, else UNKNOWN
 * }</pre>
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    /** TRUE or FALSE for a known fact. */
    public static Truth of(boolean known) {
        return known ? TRUE : FALSE;
    }

    /** FALSE wins over UNKNOWN: one false conjunct decides the whole. */
    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    /** TRUE wins over UNKNOWN: one true disjunct decides the whole. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    /** Negation; UNKNOWN stays UNKNOWN. */
    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Definitely true. */
    public boolean isTrue() {
        return this == TRUE;
    }

    /** Definitely false. */
    public boolean isFalse() {
        return this == FALSE;
    }
}
