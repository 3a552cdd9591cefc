package dev.preflight.cloudformation;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a {@code Fn::Sub}, split into literal text and {@code ${name}} variables. {@code ${!Literal}} is the
 * literal text {@code ${Literal}}; a {@code ${} without its closing brace is literal text, as CloudFormation keeps it.
 */
final class SubstitutionString {
    /** One piece of the text: a literal, or the name of a variable. */
    record Segment(String text, boolean variable) {
    }

    private SubstitutionString() {
    }

    static List<Segment> parse(String text) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            String name = text.substring(open + 2, close);
            if (name.startsWith("!")) {
                literal.append("${").append(name, 1, name.length()).append('}');
            } else {
                if (literal.length() > 0) {
                    segments.add(new Segment(literal.toString(), false));
                    literal.setLength(0);
                }
                segments.add(new Segment(name.trim(), true));
            }
            i = close + 1;
        }
        if (literal.length() > 0) {
            segments.add(new Segment(literal.toString(), false));
        }
        return segments;
    }
}
