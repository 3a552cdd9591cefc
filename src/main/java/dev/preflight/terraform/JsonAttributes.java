package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributes whose value is a JSON document in a string (container definitions, IAM policies), decoded so that
 * rules read them like CloudFormation's structured properties. A heredoc keeps exact positions: each JSON value
 * points at its own line. Interpolations inside JSON strings become {@link Value.Template} parts; the document is
 * unknown when an interpolation stands outside a string and its value is not known.
 */
final class JsonAttributes {
    private static final Set<String> JSON_ATTRIBUTES = Set.of("container_definitions", "policy",
            "assume_role_policy", "policy_document", "access_policies");
    /** Stands for a non-literal part while the text is parsed; private-use characters never occur in real JSON. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private final ModuleReader reader;

    JsonAttributes(ModuleReader reader) {
        this.reader = reader;
    }

    static boolean holdsJson(String attribute) {
        return JSON_ATTRIBUTES.contains(attribute);
    }

    /** The structured value of a JSON-holding attribute; values that are not JSON text are returned unchanged. */
    Value decode(Attribute attribute, Value evaluated) {
        Span whole = attribute.value().span();
        if (evaluated instanceof Value.Str s) {
            return JsonText.parse(s.value(), locator(attribute.value(), s.value())).orElse(evaluated);
        }
        if (evaluated instanceof Value.Template t) {
            return decodeTemplate(attribute.value(), t, whole);
        }
        return evaluated;
    }

    private Value decodeTemplate(Expression expr, Value.Template t, Span whole) {
        StringBuilder text = new StringBuilder();
        List<Value> holes = new ArrayList<>();
        for (Value part : t.parts()) {
            if (part instanceof Value.Str s) {
                text.append(s.value());
            } else {
                text.append(OPEN).append(holes.size()).append(CLOSE);
                holes.add(part);
            }
        }
        Optional<Value> parsed = JsonText.parse(text.toString(), locator(expr, text.toString()));
        if (parsed.isEmpty()) {
            return new Value.Unknown("JSON document with a part that is not known", whole);
        }
        return fillHoles(parsed.get(), holes);
    }

    private static Value fillHoles(Value v, List<Value> holes) {
        if (v instanceof Value.Str s) {
            Matcher m = PLACEHOLDER.matcher(s.value());
            if (!m.find()) {
                return v;
            }
            List<Value> parts = new ArrayList<>();
            int last = 0;
            m.reset();
            while (m.find()) {
                if (m.start() > last) {
                    parts.add(new Value.Str(s.value().substring(last, m.start()), null));
                }
                parts.add(holes.get(Integer.parseInt(m.group(1))).at(s.span()));
                last = m.end();
            }
            if (last < s.value().length()) {
                parts.add(new Value.Str(s.value().substring(last), null));
            }
            return parts.size() == 1 && !(parts.get(0) instanceof Value.Str) ? parts.get(0)
                    : new Value.Template(parts, s.span());
        }
        if (v instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            for (Value item : l.items()) {
                items.add(fillHoles(item, holes));
            }
            return new Value.ListValue(items, l.span());
        }
        if (v instanceof Value.MapValue m) {
            Map<String, Value> entries = new java.util.LinkedHashMap<>();
            m.entries().forEach((k, x) -> entries.put(k, fillHoles(x, holes)));
            return new Value.MapValue(entries, m.span());
        }
        return v;
    }

    /**
     * Positions inside a heredoc map line by line to the source (the heredoc's text starts on the line after its
     * marker, and {@code <<-} strips the same indentation from every line). Anything else points at the whole
     * expression.
     */
    private JsonText.Locator locator(Expression expr, String jsonText) {
        Span whole = expr.span();
        if (!(expr instanceof Expression.Template t) || !t.heredoc() || t.parts().isEmpty()
                || !(t.parts().get(0) instanceof TemplatePart.Literal)) {
            return (line, col, endLine, endCol) -> whole;
        }
        SourceFile file = reader.source(whole.file());
        if (file == null) {
            return (line, col, endLine, endCol) -> whole;
        }
        String[] jsonLines = jsonText.split("\r?\n", -1);
        // the heredoc's text starts on the line after its opening marker
        int firstLine = whole.line() + 1;
        return (line, col, endLine, endCol) -> {
            int srcLine = firstLine + line - 1;
            int srcEndLine = firstLine + endLine - 1;
            if (srcEndLine > whole.endLine() || line > jsonLines.length || endLine > jsonLines.length) {
                return whole;
            }
            int startCol = col + indent(file.lineText(srcLine), jsonLines[line - 1]);
            int endColumn = endCol + indent(file.lineText(srcEndLine), jsonLines[endLine - 1]);
            if (srcEndLine == srcLine && endColumn < startCol) {
                return whole;
            }
            return new Span(whole.file(), srcLine, startCol, srcEndLine, endColumn);
        };
    }

    /** How many columns of the source line the heredoc stripped before the JSON line's text. */
    private static int indent(String sourceLine, String jsonLine) {
        int diff = leading(sourceLine) - leading(jsonLine);
        return Math.max(diff, 0);
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
