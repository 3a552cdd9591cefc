package dev.preflight.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Body;
import dev.preflight.terraform.syntax.BodyItem;
import dev.preflight.terraform.syntax.ConfigFile;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import dev.preflight.terraform.syntax.TemplatePart;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Terraform's JSON syntax ({@code .tf.json}) into the same syntax tree as native HCL, so the loader never
 * knows which one it read. Strings in expression positions are templates ({@code "${var.x}"}), parsed with the
 * HCL template grammar; variable defaults are plain JSON values, as Terraform reads them.
 */
final class TerraformJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build())
            .build();

    /** A JSON value with its span; objects keep their keys' spans. */
    private sealed interface Json {
        Span span();
    }

    private record JObject(List<Member> members, Span span) implements Json {
    }

    private record Member(String key, Span keySpan, Json value) {
    }

    private record JArray(List<Json> items, Span span) implements Json {
    }

    private record JScalar(Object value, Span span) implements Json {
    }

    private final SourceFile file;

    private TerraformJsonReader(SourceFile file) {
        this.file = file;
    }

    static ConfigFile read(SourceFile file) throws HclSyntaxException {
        TerraformJsonReader r = new TerraformJsonReader(file);
        Json root = r.parse();
        if (!(root instanceof JObject top)) {
            throw new HclSyntaxException(root.span(), "a Terraform JSON file must hold one object");
        }
        List<BodyItem> items = new ArrayList<>();
        for (Member m : top.members()) {
            r.topLevel(m, items);
        }
        return new ConfigFile(file, new Body(items, top.span()), List.of());
    }

    private Json parse() throws HclSyntaxException {
        try (JsonParser p = FACTORY.createParser(file.text())) {
            if (p.nextToken() == null) {
                throw new HclSyntaxException(file.span(0, 0), "empty file: expected a JSON object");
            }
            Json v = value(p);
            if (p.nextToken() != null) {
                throw new HclSyntaxException(here(p), "unexpected content after the JSON object");
            }
            return v;
        } catch (JsonParseException e) {
            int offset = (int) Math.max(0, Math.min(file.text().length(), e.getLocation().getCharOffset()));
            throw new HclSyntaxException(file.span(offset, offset), e.getOriginalMessage());
        } catch (IOException e) {
            throw new HclSyntaxException(file.span(0, 0), e.getMessage());
        }
    }

    private Span here(JsonParser p) {
        int offset = (int) p.currentTokenLocation().getCharOffset();
        return file.span(offset, offset);
    }

    private Json value(JsonParser p) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        switch (p.currentToken()) {
            case START_OBJECT: {
                List<Member> members = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int ks = (int) p.currentTokenLocation().getCharOffset();
                    String key = p.currentName();
                    Span keySpan = file.span(ks, (int) p.currentLocation().getCharOffset());
                    p.nextToken();
                    members.add(new Member(key, keySpan, value(p)));
                }
                return new JObject(members, file.span(start, end(p)));
            }
            case START_ARRAY: {
                List<Json> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                return new JArray(items, file.span(start, end(p)));
            }
            case VALUE_STRING:
                return new JScalar(p.getText(), file.span(start, end(p)));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    return new JScalar(p.getDecimalValue(), file.span(start, end(p)));
                } catch (NumberFormatException e) {
                    // an exponent past what a number can hold (1e99999999999999999999): a located error
                    throw new JsonParseException(p, "number out of range: " + p.getText(), p.currentTokenLocation());
                }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new JScalar(p.getBooleanValue(), file.span(start, end(p)));
            default:
                return new JScalar(null, file.span(start, end(p)));
        }
    }

    private int end(JsonParser p) {
        return (int) Math.min(file.text().length(), p.currentLocation().getCharOffset());
    }

    private void topLevel(Member m, List<BodyItem> out) throws HclSyntaxException {
        switch (m.key()) {
            case "resource":
            case "data":
                for (Member type : members(m.value())) {
                    for (Member name : members(type.value())) {
                        for (Json body : bodies(name.value())) {
                            out.add(block(m, List.of(label(type), label(name)), body, false));
                        }
                    }
                }
                break;
            case "variable":
                for (Member name : members(m.value())) {
                    for (Json body : bodies(name.value())) {
                        out.add(block(m, List.of(label(name)), body, true));
                    }
                }
                break;
            case "module":
            case "output":
                for (Member name : members(m.value())) {
                    for (Json body : bodies(name.value())) {
                        out.add(block(m, List.of(label(name)), body, false));
                    }
                }
                break;
            case "locals":
                for (Json body : bodies(m.value())) {
                    out.add(block(m, List.of(), body, false));
                }
                break;
            default:
                // terraform, provider, moved, import: nothing the loader evaluates
                break;
        }
    }

    private static Block.Label label(Member m) {
        return new Block.Label(m.key(), m.keySpan());
    }

    private static List<Member> members(Json v) {
        return v instanceof JObject o ? o.members() : List.of();
    }

    /** A block body is an object, or an array of objects for several blocks of the same name. */
    private static List<Json> bodies(Json v) {
        if (v instanceof JArray a) {
            return a.items().stream().filter(x -> x instanceof JObject).toList();
        }
        return v instanceof JObject ? List.of(v) : List.of();
    }

    private Block block(Member header, List<Block.Label> labels, Json body, boolean variable)
            throws HclSyntaxException {
        List<BodyItem> items = new ArrayList<>();
        for (Member m : members(body)) {
            Expression value;
            if (variable && m.key().equals("default")) {
                value = literal(m.value());
            } else if (variable && m.key().equals("type") && m.value() instanceof JScalar s
                    && s.value() instanceof String typeText) {
                value = typeExpression(typeText, s.span());
            } else {
                value = expression(m.value());
            }
            items.add(new Attribute(m.key(), m.keySpan(), value, m.keySpan().to(m.value().span())));
        }
        return new Block(header.key(), header.keySpan(), labels, new Body(items, body.span()),
                header.keySpan().to(body.span()));
    }

    /** A JSON value in an expression position: strings are templates. */
    private Expression expression(Json v) throws HclSyntaxException {
        if (v instanceof JObject o) {
            List<Expression.ObjectCons.Item> items = new ArrayList<>();
            for (Member m : o.members()) {
                Expression key = new Expression.Template(List.of(new TemplatePart.Literal(m.key(), m.keySpan())),
                        false, m.keySpan());
                items.add(new Expression.ObjectCons.Item(key, expression(m.value()), m.keySpan().to(m.value().span())));
            }
            return new Expression.ObjectCons(items, o.span());
        }
        if (v instanceof JArray a) {
            List<Expression> items = new ArrayList<>();
            for (Json item : a.items()) {
                items.add(expression(item));
            }
            return new Expression.Tuple(items, a.span());
        }
        JScalar s = (JScalar) v;
        if (s.value() instanceof String text) {
            return text.contains("${") || text.contains("%{") ? template(text, s.span()) : literalString(text, s.span());
        }
        return literal(v);
    }

    /** A JSON value taken as it is, with no template parsing (variable defaults). */
    private static Expression literal(Json v) {
        if (v instanceof JObject o) {
            List<Expression.ObjectCons.Item> items = new ArrayList<>();
            for (Member m : o.members()) {
                items.add(new Expression.ObjectCons.Item(literalString(m.key(), m.keySpan()), literal(m.value()),
                        m.keySpan().to(m.value().span())));
            }
            return new Expression.ObjectCons(items, o.span());
        }
        if (v instanceof JArray a) {
            return new Expression.Tuple(a.items().stream().map(TerraformJsonReader::literal).toList(), a.span());
        }
        JScalar s = (JScalar) v;
        if (s.value() instanceof String text) {
            return literalString(text, s.span());
        }
        if (s.value() instanceof BigDecimal n) {
            return new Expression.NumberLiteral(n, s.span());
        }
        if (s.value() instanceof Boolean b) {
            return new Expression.BoolLiteral(b, s.span());
        }
        return new Expression.NullLiteral(s.span());
    }

    private static Expression literalString(String text, Span span) {
        return new Expression.Template(text.isEmpty() ? List.of() : List.of(new TemplatePart.Literal(text, span)),
                false, span);
    }

    /**
     * Parses the string as an HCL template by wrapping it in a heredoc of a throwaway file; the result is wrapped in
     * parentheses spanning the JSON string, so values point at the JSON file.
     */
    private Expression template(String text, Span span) throws HclSyntaxException {
        String marker = "PREFLIGHT_JSON_" + Integer.toHexString(text.hashCode() & 0xffffff);
        String synthetic = "v = <<" + marker + "\n" + text + "\n" + marker + "\n";
        try {
            ConfigFile parsed = HclParser.parse(SourceFile.of(file.displayPath(), synthetic));
            Expression e = parsed.body().attributes().get(0).value();
            return new Expression.Parens(stripFinalNewline(e), span);
        } catch (HclSyntaxException e) {
            throw new HclSyntaxException(span, "in this string: " + e.getMessage());
        }
    }

    /** A heredoc's text ends with the newline before its closing marker; the JSON string did not. */
    private static Expression stripFinalNewline(Expression e) {
        if (!(e instanceof Expression.Template t) || t.parts().isEmpty()) {
            return e;
        }
        List<TemplatePart> parts = new ArrayList<>(t.parts());
        TemplatePart last = parts.get(parts.size() - 1);
        if (last instanceof TemplatePart.Literal l && l.text().endsWith("\n")) {
            String trimmed = l.text().substring(0, l.text().length() - 1);
            if (trimmed.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.set(parts.size() - 1, new TemplatePart.Literal(trimmed, l.span()));
            }
        }
        return new Expression.Template(parts, false, t.span());
    }

    private Expression typeExpression(String text, Span span) throws HclSyntaxException {
        try {
            ConfigFile parsed = HclParser.parse(SourceFile.of(file.displayPath(), "t = " + text + "\n"));
            return new Expression.Parens(parsed.body().attributes().get(0).value(), span);
        } catch (HclSyntaxException e) {
            throw new HclSyntaxException(span, "not a type expression: " + text);
        }
    }
}
