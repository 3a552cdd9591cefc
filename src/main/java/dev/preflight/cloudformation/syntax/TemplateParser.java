package dev.preflight.cloudformation.syntax;

import dev.preflight.source.SourceFile;

/** Parses a template as JSON or YAML, whichever it is written in. */
public final class TemplateParser {
    private TemplateParser() {
    }

    /**
     * Parses {@code file}; never throws. A text whose first visible character is a brace or bracket is JSON: YAML
     * would read most of it too, but not JSON indented with tabs, and Jackson's errors and positions are exact.
     */
    public static ParsedTemplate parse(SourceFile file) {
        return looksLikeJson(file.text()) ? new JsonTemplateParser().parse(file) : new YamlTemplateParser().parse(file);
    }

    /** True when the first visible character is a brace or bracket: the text is read as JSON. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
