package dev.preflight.terraform;

import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON text written with interpolations, such as a heredoc of container definitions, read into values that keep
 * what is known. Each part that is not known (a reference, an unknown) stands in the text as a placeholder while it
 * is parsed, then comes back as itself: inside a JSON string it becomes a part of a {@link Value.Template}; written
 * bare, as in {@code "containerPort": ${var.port}}, it is that member's whole value. Where a hole could stand for
 * more than one value (an element of an array: {@code [${var.items}]}) or for a key, the enclosing array or object is
 * unknown; where it breaks the JSON, the whole document is.
 */
final class JsonWithHoles {
    /** Private-use characters, which never occur in real JSON, mark the holes while the text is parsed. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final char BARE = '\uE002';
    private static final Pattern IN_STRING = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    private static final Pattern BARE_HOLE = Pattern.compile(BARE + "(\\d+)");

    /**
     * The text to parse, and for each of its characters the position in the template's canonical text (its known
     * parts with one character for each hole), so that positions found in the JSON map back to where it was written.
     */
    record Text(String json, int[] canonical, List<Value> holes) {
    }

    private JsonWithHoles() {
    }

    /** The text of {@code parts} with a placeholder for each part that is not a known string. */
    static Text encode(List<Value> parts) {
        StringBuilder json = new StringBuilder();
        List<Integer> canonical = new ArrayList<>();
        List<Value> holes = new ArrayList<>();
        boolean inString = false;
        boolean escaped = false;
        int position = 0;
        for (Value part : parts) {
            if (part instanceof Value.Str s) {
                for (int i = 0; i < s.value().length(); i++) {
                    char c = s.value().charAt(i);
                    if (escaped) {
                        escaped = false;
                    } else if (inString && c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = !inString;
                    }
                    json.append(c);
                    canonical.add(position++);
                }
                continue;
            }
            String placeholder = inString ? OPEN + "" + holes.size() + CLOSE : "\"" + BARE + holes.size() + "\"";
            for (int i = 0; i < placeholder.length(); i++) {
                json.append(placeholder.charAt(i));
                canonical.add(position);
            }
            position++;
            holes.add(part);
        }
        return new Text(json.toString(), canonical.stream().mapToInt(Integer::intValue).toArray(), holes);
    }

    /** The document parsed from {@code text}, with its holes filled back in; empty when it is not JSON. */
    static Optional<Value> decode(Text text, JsonText.Locator locator) {
        return JsonText.parse(text.json(), locator).map(v -> fill(v, text.holes()));
    }

    private static Value fill(Value v, List<Value> holes) {
        if (v instanceof Value.Str s) {
            return fillString(s, holes);
        }
        if (v instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            for (Value item : l.items()) {
                if (isBareHole(item)) {
                    return new Value.Unknown("a list with an element written by an interpolation, which may stand "
                            + "for any number of elements", l.span());
                }
                items.add(fill(item, holes));
            }
            return new Value.ListValue(items, l.span());
        }
        if (v instanceof Value.MapValue m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                if (hasHole(e.getKey())) {
                    return new Value.Unknown("an object with a key written by an interpolation", m.span());
                }
                entries.put(e.getKey(), fill(e.getValue(), holes));
            }
            return new Value.MapValue(entries, m.span());
        }
        return v;
    }

    private static boolean isBareHole(Value v) {
        return v instanceof Value.Str s && BARE_HOLE.matcher(s.value()).matches();
    }

    private static boolean hasHole(String text) {
        return text.indexOf(OPEN) >= 0 || text.indexOf(BARE) >= 0;
    }

    private static Value fillString(Value.Str s, List<Value> holes) {
        Matcher bare = BARE_HOLE.matcher(s.value());
        if (bare.matches()) {
            return holes.get(Integer.parseInt(bare.group(1))).at(s.span());
        }
        Matcher m = IN_STRING.matcher(s.value());
        if (!m.find()) {
            return s;
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
}
