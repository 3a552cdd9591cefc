package dev.preflight.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text inside a Terraform string (a heredoc of container definitions, a policy) read into {@link Value}s.
 * Positions inside the JSON are mapped back to the source by the caller's {@link Locator}, so a finding on an
 * image inside a heredoc points at that image's line.
 */
final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
            .build();

    /** Maps a range of the JSON text (1-based lines and columns, end exclusive) to a span in the source. */
    interface Locator {
        Span locate(int line, int column, int endLine, int endColumn);
    }

    private JsonText() {
    }

    /** The parsed value, or empty when the text is not JSON. */
    static Optional<Value> parse(String text, Locator locator) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Optional.empty();
            }
            Value v = read(p, locator);
            if (p.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Value read(JsonParser p, Locator locator) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        Value v = readValue(p, locator);
        JsonLocation end = p.currentLocation();
        return v.at(locator.locate(at.getLineNr(), at.getColumnNr(), end.getLineNr(), end.getColumnNr()));
    }

    private static Value readValue(JsonParser p, Locator locator) throws IOException {
        Span span = null;
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Value> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    entries.put(name, read(p, locator));
                }
                return new Value.MapValue(entries, span);
            }
            case START_ARRAY: {
                List<Value> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, locator));
                }
                return new Value.ListValue(items, span);
            }
            case VALUE_STRING:
                return new Value.Str(p.getText(), span);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Value.Num(p.getDecimalValue(), span);
            case VALUE_TRUE:
                return new Value.Bool(true, span);
            case VALUE_FALSE:
                return new Value.Bool(false, span);
            case VALUE_NULL:
                return new Value.Null(span);
            default:
                throw new IOException("unexpected token " + p.currentToken());
        }
    }
}
