package dev.preflight.cloudformation.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON template with Jackson's streaming parser, taking each token's start from Jackson and its end from the
 * text itself (Jackson reports where a token starts, and reads strings lazily, so its "current location" is not
 * a reliable end).
 * <p>
 * Duplicate keys are detected by {@link MappingCollector}, not by Jackson's {@code STRICT_DUPLICATE_DETECTION}:
 * strict mode stops the parse at the first duplicate and names one location, whereas the collector names both
 * lines and lets the rest of the template load.
 * <p>
 * Comments: CloudFormation rejects them, so they are a problem; but the template is then read again with comments
 * allowed, so that the rest of it is still checked (one comment should not hide every other finding).
 */
public final class JsonTemplateParser {
    private static final JsonFactory STRICT = JsonFactory.builder().build();
    private static final JsonFactory WITH_COMMENTS =
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    /** Parses {@code file}; never throws: every failure is a problem of the result. */
    public ParsedTemplate parse(SourceFile file) {
        List<Problem> problems = new ArrayList<>();
        try {
            return new ParsedTemplate(read(STRICT, file, problems), problems);
        } catch (JsonProcessingException e) {
            if (!isCommentError(e)) {
                problems.add(new Problem(spanOf(file, e.getLocation()), "JSON syntax error: " + readable(e)));
                return new ParsedTemplate(null, problems);
            }
            List<Problem> retried = new ArrayList<>();
            retried.add(new Problem(spanOf(file, e.getLocation()),
                    "comment in a JSON template: JSON has no comments and CloudFormation rejects the template"));
            try {
                return new ParsedTemplate(read(WITH_COMMENTS, file, retried), retried);
            } catch (IOException again) {
                retried.add(new Problem(spanOf(file, locationOf(again)), "JSON syntax error: " + readable(again)));
                return new ParsedTemplate(null, retried);
            }
        } catch (IOException e) {
            problems.add(new Problem(file.span(0, 0), "JSON not read: " + e.getMessage()));
            return new ParsedTemplate(null, problems);
        }
    }

    private static TemplateNode read(JsonFactory factory, SourceFile file, List<Problem> problems)
            throws IOException {
        try (JsonParser parser = factory.createParser(file.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(file.span(0, 0), "empty template: no JSON value"));
                return null;
            }
            TemplateNode root;
            try {
                root = new JsonTreeReader(file, parser, problems).value(first);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // Jackson's limit errors carry no location; the parser knows where it stopped
                throw new JsonParseException(parser, "nested more than "
                        + factory.streamReadConstraints().getMaxNestingDepth() + " levels deep (not read)",
                        parser.currentLocation());
            }
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                int at = (int) parser.currentTokenLocation().getCharOffset();
                problems.add(new Problem(file.span(at, at), "content after the end of the template (line "
                        + file.lineOf(at) + "); CloudFormation expects one JSON value"));
            }
            return root;
        }
    }

    private static boolean isCommentError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return e instanceof JsonParseException && message != null && message.contains("comment");
    }

    private static JsonLocation locationOf(IOException e) {
        return e instanceof JsonProcessingException p ? p.getLocation() : null;
    }

    /** Jackson's message without character codes and source descriptions. */
    static String readable(IOException e) {
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return "invalid JSON";
        }
        return message
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s*\\n.*", "");
    }

    private static Span spanOf(SourceFile file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file.span(0, 0);
        }
        long charOffset = location.getCharOffset();
        int offset = charOffset >= 0 && charOffset <= file.text().length()
                ? (int) charOffset
                : Math.min(file.offsetOf(Math.min(location.getLineNr(), file.lineCount()),
                        Math.max(1, location.getColumnNr())), file.text().length());
        return file.span(offset, offset);
    }
}
