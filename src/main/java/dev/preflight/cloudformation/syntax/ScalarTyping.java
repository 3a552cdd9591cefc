package dev.preflight.cloudformation.syntax;

import java.util.regex.Pattern;

/**
 * Decides what a plain YAML scalar is, the way CloudFormation's template reader treats it rather than YAML 1.1's
 * resolver: only {@code true}/{@code false} are booleans and only plain decimal numbers are numbers. YAML 1.1's
 * {@code yes}/{@code no}/{@code on}/{@code off}, octal {@code 0777}, {@code 1e3}, {@code 0x1F}, {@code .inf} and
 * dates such as {@code 2010-09-09} stay strings, with their text as written, because at the API every value is a
 * string anyway and guessing wrong would change what a rule compares.
 */
public final class ScalarTyping {
    /** A decimal integer or fraction without leading zeros (so {@code 0777} is not one) and without an exponent. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private ScalarTyping() {
    }

    /** The type of a plain scalar's text. */
    public static ScalarType ofPlain(String text) {
        switch (text) {
            case "true", "True", "TRUE", "false", "False", "FALSE":
                return ScalarType.BOOLEAN;
            case "", "~", "null", "Null", "NULL":
                return ScalarType.NULL;
            default:
                // most plain scalars are words: only a sign or a digit can start a number
                char first = text.charAt(0);
                boolean maybeNumber = first == '-' || (first >= '0' && first <= '9');
                return maybeNumber && DECIMAL.matcher(text).matches() ? ScalarType.NUMBER : ScalarType.STRING;
        }
    }
}
