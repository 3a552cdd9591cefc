package dev.preflight.engine;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for names a user mistyped: options, commands, formats, rule ids and config keys. Hand-written
 * rather than taken from Apache Commons Text: an edit distance is a dozen lines, and that library (with Commons
 * Lang) would add a megabyte to the jar every pre-commit run loads.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known name closest to {@code typed}, when it is close enough to be what the user meant: at most a third
     * of its length in edits (transposed letters count as one), or {@code typed} with a prefix or suffix dropped
     * (a rule id given without its last word).
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || d == bestDistance && k.compareTo(best) < 0) { // ties: the same answer every run
                best = k;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance == 0) {
            return Optional.empty();
        }
        String b = best.toLowerCase(Locale.ROOT);
        boolean close = bestDistance <= Math.max(1, Math.max(t.length(), b.length()) / 3);
        boolean part = t.length() >= 4 && (b.startsWith(t) || b.endsWith(t));
        return close || part ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} when a close name exists, else empty text: for the end of a message. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
