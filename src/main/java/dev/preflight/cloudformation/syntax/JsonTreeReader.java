package dev.preflight.cloudformation.syntax;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds the node tree from a Jackson token stream positioned on a value's first token. */
final class JsonTreeReader {
    private final SourceFile file;
    private final String text;
    private final JsonParser parser;
    private final List<Problem> problems;

    JsonTreeReader(SourceFile file, JsonParser parser, List<Problem> problems) {
        this.file = file;
        this.text = file.text();
        this.parser = parser;
        this.problems = problems;
    }

    /** The value whose first token is {@code token} (already read). */
    TemplateNode value(JsonToken token) throws IOException {
        int start = tokenStart();
        switch (token) {
            case START_OBJECT:
                return object(start);
            case START_ARRAY:
                return array(start);
            case VALUE_STRING: {
                String value = parser.getText();
                return new ScalarNode(value, ScalarStyle.DOUBLE_QUOTED, ScalarType.STRING,
                        file.span(start, endOfString(start)));
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                int end = endOfNumber(start);
                return new ScalarNode(text.substring(start, end), ScalarStyle.PLAIN, ScalarType.NUMBER,
                        file.span(start, end));
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
            case VALUE_NULL: {
                String literal = token == JsonToken.VALUE_TRUE ? "true" : token == JsonToken.VALUE_FALSE
                        ? "false" : "null";
                ScalarType type = token == JsonToken.VALUE_NULL ? ScalarType.NULL : ScalarType.BOOLEAN;
                return new ScalarNode(literal, ScalarStyle.PLAIN, type,
                        file.span(start, Math.min(start + literal.length(), text.length())));
            }
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private TemplateNode object(int start) throws IOException {
        MappingCollector collector = new MappingCollector(problems);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            int keyStart = tokenStart();
            Span keySpan = file.span(keyStart, endOfString(keyStart));
            String key = parser.currentName();
            TemplateNode value = value(parser.nextToken());
            collector.add(key, keySpan, value);
        }
        return collector.build(file.span(start, closingEnd()));
    }

    private TemplateNode array(int start) throws IOException {
        List<TemplateNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IllegalStateException("unexpected end of JSON input");
            }
            items.add(value(token));
        }
        return new SequenceNode(items, file.span(start, closingEnd()));
    }

    private int tokenStart() {
        return (int) parser.currentTokenLocation().getCharOffset();
    }

    /** Just after the closing bracket the parser is on. */
    private int closingEnd() {
        return Math.min(tokenStart() + 1, text.length());
    }

    /** Just after the closing quote of the string whose opening quote is at {@code start}. */
    private int endOfString(int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private int endOfNumber(int start) {
        int i = start;
        while (i < text.length() && "0123456789+-.eE".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
