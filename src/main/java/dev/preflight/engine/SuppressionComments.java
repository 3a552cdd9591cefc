package dev.preflight.engine;

import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code # preflight:ignore rule-id[,rule-id] reason} comments ({@code //} too in HCL) and decides what each
 * covers, from the text alone so it works whatever the loaders make of the file: a comment at the end of a line
 * covers that line; a comment on a line of its own covers the next line of code, and when that line opens a block
 * (an HCL {@code {}} or a YAML mapping) the whole block, so a comment above a resource header covers the resource.
 */
final class SuppressionComments {
    private static final String MARKER = "preflight:ignore";
    private static final Pattern COMMENT = Pattern.compile("(#|//)\\s*preflight:ignore(?=\\s|$)(.*)$");
    private static final Pattern IDS_AND_REASON = Pattern.compile("\\s*([A-Za-z0-9_.-]+(?:\\s*,\\s*[A-Za-z0-9_.-]+)*)"
            + "(?:\\s+(.*))?");

    private SuppressionComments() {
    }

    /** The suppression comments of {@code file}; none for formats without comments (JSON). */
    static List<Suppression> find(SourceFile file) {
        Syntax syntax = Syntax.of(file.displayPath(), file.text());
        if (syntax == Syntax.NONE || !file.text().contains(MARKER)) {
            return List.of();
        }
        List<Suppression> found = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.lineText(line);
            if (!text.contains(MARKER)) {
                continue;
            }
            Matcher m = COMMENT.matcher(text);
            if (!m.find() || insideString(text, m.start()) || (syntax == Syntax.YAML && m.group(1).equals("//"))) {
                continue;
            }
            boolean trailing = !text.substring(0, m.start()).isBlank();
            int target = trailing ? line : nextCodeLine(file, line, syntax);
            if (target < 0) {
                continue;
            }
            int last = trailing ? line : blockEnd(file, target, syntax);
            Span where = new Span(file.displayPath(), line, m.start() + 1, line, text.length() + 1);
            Matcher idsAndReason = IDS_AND_REASON.matcher(m.group(2));
            if (!idsAndReason.matches()) {
                continue;
            }
            String reason = cleanReason(idsAndReason.group(2));
            for (String id : idsAndReason.group(1).split("\\s*,\\s*")) {
                found.add(new Suppression(id, reason, where, target, last, Suppression.Origin.COMMENT));
            }
        }
        return found;
    }

    /** The reason without separators people put before it ({@code -- }, {@code : }); null when empty. */
    private static String cleanReason(String raw) {
        if (raw == null) {
            return null;
        }
        String r = raw.strip().replaceFirst("^(--?|:|—)\\s*", "").strip();
        return r.isEmpty() ? null : r;
    }

    /** A marker after an odd number of unescaped double quotes is inside a string, not a comment. */
    private static boolean insideString(String text, int end) {
        boolean inside = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The first line after {@code line} that holds code, skipping blank lines and other comments; -1 if none. */
    private static int nextCodeLine(SourceFile file, int line, Syntax syntax) {
        for (int l = line + 1; l <= file.lineCount(); l++) {
            String t = file.lineText(l).strip();
            if (!t.isEmpty() && !syntax.isComment(t)) {
                return l;
            }
        }
        return -1;
    }

    private static int blockEnd(SourceFile file, int target, Syntax syntax) {
        return syntax == Syntax.HCL ? hclBlockEnd(file, target) : yamlBlockEnd(file, target);
    }

    /** The line of the bracket that closes the brackets opened on {@code target}; {@code target} if none open. */
    private static int hclBlockEnd(SourceFile file, int target) {
        int depth = 0;
        for (int l = target; l <= file.lineCount(); l++) {
            String t = file.lineText(l);
            boolean inString = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '#' || (c == '/' && i + 1 < t.length() && t.charAt(i + 1) == '/')) {
                    break;
                } else if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ']' || c == ')') {
                    depth--;
                }
            }
            if (depth <= 0) {
                return l;
            }
        }
        return file.lineCount();
    }

    /** The last line indented deeper than {@code target} (or a sequence at the same indent under a key). */
    private static int yamlBlockEnd(SourceFile file, int target) {
        String head = file.lineText(target);
        int indent = indentOf(head);
        boolean opensMapping = head.strip().endsWith(":");
        int last = target;
        for (int l = target + 1; l <= file.lineCount(); l++) {
            String t = file.lineText(l);
            String s = t.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int in = indentOf(t);
            if (in > indent || (opensMapping && in == indent && s.startsWith("- "))) {
                last = l;
            } else {
                break;
            }
        }
        return last;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        // "- Key: v" opens an item whose keys sit after the dash
        return line.startsWith("- ", i) ? i + 2 : i;
    }

    /** The comment syntax of a file, from its name (and for {@code .template}, its first character). */
    enum Syntax {
        HCL, YAML, NONE;

        static Syntax of(String name, String text) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".tf") || n.endsWith(".tfvars") || n.endsWith(".hcl")) {
                return HCL;
            }
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return YAML;
            }
            if (n.endsWith(".template")) {
                return text.stripLeading().startsWith("{") ? NONE : YAML;
            }
            return NONE;
        }

        boolean isComment(String stripped) {
            return stripped.startsWith("#") || (this == HCL && stripped.startsWith("//"));
        }
    }
}
