package dev.preflight.cloudformation.syntax;

/** How a scalar was written; only {@link #PLAIN} scalars can be numbers, booleans or null. */
public enum ScalarStyle {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

    /** True for every style but plain: the text is a string whatever it looks like. */
    public boolean isQuotedOrBlock() {
        return this != PLAIN;
    }
}
