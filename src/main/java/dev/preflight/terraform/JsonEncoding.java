package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code jsonencode()} as text, where text is what is needed: inside a string template or a template file. It
 * writes what Terraform writes (compact, object keys in lexical order, Go's escaping of {@code <}, {@code >} and
 * {@code &}), as pieces: known text, and each value that is not known as a piece of its own, so that the JSON read
 * back from the template keeps what is known.
 */
final class JsonEncoding {
    private JsonEncoding() {
    }

    /** Writes {@code value} as JSON into {@code out}, one piece at a time. */
    static void write(Value value, Consumer<Value> out) {
        StringBuilder text = new StringBuilder();
        write(value, text, out);
        flush(text, out);
    }

    private static void write(Value v, StringBuilder text, Consumer<Value> out) {
        if (v instanceof Value.Str s) {
            quoted(s.value(), text);
        } else if (v instanceof Value.Num || v instanceof Value.Bool) {
            text.append(Values.text(v).orElseThrow());
        } else if (v instanceof Value.Null) {
            text.append("null");
        } else if (v instanceof Value.ListValue l) {
            text.append('[');
            List<Value> items = l.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                write(items.get(i), text, out);
            }
            text.append(']');
        } else if (v instanceof Value.MapValue m) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : new TreeMap<>(m.entries()).entrySet()) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                quoted(e.getKey(), text);
                text.append(':');
                write(e.getValue(), text, out);
            }
            text.append('}');
        } else if (v instanceof Value.Template t) {
            // a string with parts that are not known: the known parts escaped, the others kept inside the quotes
            text.append('"');
            for (Value part : t.parts()) {
                if (part instanceof Value.Str s) {
                    escaped(s.value(), text);
                } else {
                    flush(text, out);
                    out.accept(part);
                }
            }
            text.append('"');
        } else {
            flush(text, out);
            out.accept(v);
        }
    }

    private static void flush(StringBuilder text, Consumer<Value> out) {
        if (!text.isEmpty()) {
            out.accept(new Value.Str(text.toString(), null));
            text.setLength(0);
        }
    }

    private static void quoted(String s, StringBuilder text) {
        text.append('"');
        escaped(s, text);
        text.append('"');
    }

    private static void escaped(String s, StringBuilder text) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }
}
