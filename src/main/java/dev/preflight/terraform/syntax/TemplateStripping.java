package dev.preflight.terraform.syntax;

import java.util.List;

/**
 * The two rules that rewrite template literal text at parse time: {@code ~} strip markers, and the indentation
 * removal of {@code <<-} heredocs.
 */
final class TemplateStripping {
    private TemplateStripping() {
    }

    /**
     * {@code ${~} / {@code %{~} remove the whitespace at the end of the literal just before the marker, and
     * {@code ~}} the whitespace at the start of the literal just after it.
     */
    static void applyStripMarkers(List<TemplateSegment> segments) {
        for (int i = 0; i < segments.size(); i++) {
            TemplateSegment s = segments.get(i);
            boolean before;
            boolean after;
            if (s instanceof TemplateSegment.Interpolation interp) {
                before = interp.stripBefore();
                after = interp.stripAfter();
            } else if (s instanceof TemplateSegment.Directive d) {
                before = d.stripBefore();
                after = d.stripAfter();
            } else {
                continue;
            }
            // heredoc and template-file text arrives one literal per line: the marker strips the whole run of
            // literal text next to it, across lines, up to the first character that is not whitespace
            for (int j = i - 1; before && j >= 0 && segments.get(j) instanceof TemplateSegment.Literal lit; j--) {
                lit.text = stripTrailing(lit.text);
                if (!lit.text.isEmpty()) {
                    break;
                }
            }
            for (int j = i + 1; after && j < segments.size()
                    && segments.get(j) instanceof TemplateSegment.Literal lit; j++) {
                lit.text = stripLeading(lit.text);
                if (!lit.text.isEmpty()) {
                    break;
                }
            }
        }
    }

    /**
     * The {@code <<-} rule: among the lines, find the smallest number of leading whitespace characters (a line that
     * starts with an interpolation or directive counts as 0; a blank line does not count), and remove that many
     * from the start of every line that was counted. The lexer gives heredoc text one literal per line, so a literal
     * starts a line when it is the first segment or follows a literal ending in a newline.
     */
    static void flushHeredocIndentation(List<TemplateSegment> segments) {
        int min = Integer.MAX_VALUE;
        boolean lineStart = true;
        boolean[] adjust = new boolean[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            TemplateSegment s = segments.get(i);
            if (lineStart) {
                int spaces = 0;
                if (s instanceof TemplateSegment.Literal lit) {
                    int lead = leadingWhitespace(lit.text);
                    if (lead == lit.text.length() && lit.text.endsWith("\n")) {
                        spaces = Integer.MAX_VALUE; // blank line: neither counted nor changed
                    } else {
                        spaces = lead;
                        adjust[i] = true;
                    }
                }
                min = Math.min(min, spaces);
            }
            lineStart = s instanceof TemplateSegment.Literal lit && lit.text.endsWith("\n");
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (adjust[i]) {
                TemplateSegment.Literal lit = (TemplateSegment.Literal) segments.get(i);
                lit.text = lit.text.substring(Math.min(min, lit.text.length()));
            }
        }
    }

    /** The number of leading whitespace characters (newlines included, as HCL counts them). */
    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whitespace as Go's unicode.IsSpace defines it, which is what HCL uses: ASCII spaces, NEL, NBSP and Z*. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00a0' || Character.isSpaceChar(c);
    }

    private static String stripLeading(String s) {
        return s.substring(leadingWhitespace(s));
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
