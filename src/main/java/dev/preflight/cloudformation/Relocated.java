package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that crossed from one template to another (a parameter a parent passes, a nested stack's output, an
 * exported value) placed wholly at the site that uses it: {@link Value#at} moves only the outer span, and a finding
 * on an item of a passed list must still point into the file that uses it, not into the one it came from.
 */
final class Relocated {
    private Relocated() {
    }

    /** {@code value} with every span inside it replaced by {@code where}. */
    static Value at(Value value, Span where) {
        if (value instanceof Value.ListValue list) {
            List<Value> items = new ArrayList<>(list.items().size());
            for (Value item : list.items()) {
                items.add(at(item, where));
            }
            return new Value.ListValue(items, where);
        }
        if (value instanceof Value.MapValue map) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : map.entries().entrySet()) {
                entries.put(e.getKey(), at(e.getValue(), where));
            }
            return new Value.MapValue(entries, where);
        }
        if (value instanceof Value.Template template) {
            List<Value> parts = new ArrayList<>(template.parts().size());
            for (Value part : template.parts()) {
                parts.add(at(part, where));
            }
            return new Value.Template(parts, where);
        }
        return value.at(where);
    }
}
