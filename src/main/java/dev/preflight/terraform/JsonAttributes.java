package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Attributes whose value is a JSON document in a string (container definitions, IAM policies), decoded so that
 * rules read them like CloudFormation's structured properties. A heredoc keeps exact positions: each JSON value
 * points at its own line. Parts that are not known stay so, and the rest of the document stays known (see
 * {@link JsonWithHoles}).
 */
final class JsonAttributes {
    private static final Set<String> JSON_ATTRIBUTES = Set.of("container_definitions", "policy",
            "assume_role_policy", "policy_document", "access_policies");

    private final ModuleReader reader;
    private final TextOrigins origins;
    private final Consumer<Span> renderedFrom;

    /** Decodes with positions from {@code origins}; each file a document is found to come from goes to {@code renderedFrom}. */
    JsonAttributes(ModuleReader reader, TextOrigins origins, Consumer<Span> renderedFrom) {
        this.reader = reader;
        this.origins = origins;
        this.renderedFrom = renderedFrom;
    }

    static boolean holdsJson(String attribute) {
        return JSON_ATTRIBUTES.contains(attribute);
    }

    /** The structured value of a JSON-holding attribute; values that are not JSON text are returned unchanged. */
    Value decode(Attribute attribute, Value evaluated) {
        Span whole = attribute.value().span();
        if (evaluated instanceof Value.Str s) {
            return JsonText.parse(s.value(), locator(attribute.value(), s, s.value(), null)).orElse(evaluated);
        }
        if (evaluated instanceof Value.Template t) {
            JsonWithHoles.Text text = JsonWithHoles.encode(t.parts());
            return JsonWithHoles.decode(text, locator(attribute.value(), t, text.json(), text.canonical()))
                    .orElseGet(() -> new Value.Unknown("JSON document with a part that is not known", whole));
        }
        return evaluated;
    }

    /**
     * Where positions in the JSON text point: into a heredoc written in the attribute, into the file that
     * {@code file()} or {@code templatefile()} read it from, or else at the whole expression.
     */
    private JsonText.Locator locator(Expression expr, Value evaluated, String jsonText, int[] canonical) {
        if (expr instanceof Expression.Template t && t.heredoc()) {
            return heredocLocator(expr, jsonText);
        }
        Optional<TextOrigins.Origin> origin = origins.of(evaluated);
        if (origin.isPresent()) {
            SourceFile file = origin.get().file();
            renderedFrom.accept(file.span(0, file.text().length()));
            return fileLocator(origin.get(), jsonText, canonical, expr.span());
        }
        return heredocLocator(expr, jsonText);
    }

    /**
     * Maps a range of the JSON text to the file it came from: through {@code canonical} (the position of each
     * character in the text's canonical form, null when they are the same) and the origin's own map.
     */
    private static JsonText.Locator fileLocator(TextOrigins.Origin origin, String json, int[] canonical, Span whole) {
        int[] lineStarts = lineStarts(json);
        return (line, col, endLine, endCol) -> {
            if (line > lineStarts.length || endLine > lineStarts.length) {
                return whole;
            }
            int from = lineStarts[line - 1] + col - 1;
            int to = lineStarts[endLine - 1] + endCol - 1;
            if (from < 0 || to > json.length() || to <= from) {
                return whole;
            }
            int first = canonical == null ? from : canonical[from];
            int last = canonical == null ? to - 1 : canonical[to - 1];
            return last < origin.length() ? origin.span(first, last + 1) : whole;
        };
    }

    /** Where each line of {@code text} starts, as the JSON parser counts lines ({@code \n}, {@code \r\n}, {@code \r}). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Positions inside a heredoc map line by line to the source (the heredoc's text starts on the line after its
     * marker, and {@code <<-} strips the same indentation from every line). Anything else points at the whole
     * expression.
     */
    private JsonText.Locator heredocLocator(Expression expr, String jsonText) {
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
