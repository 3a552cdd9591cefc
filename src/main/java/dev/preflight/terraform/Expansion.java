package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Block;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many instances a resource, data source or module call has, from its {@code count} or {@code for_each}:
 * one (neither is set), a known list of instance keys, or unknown (then the loader makes one instance whose
 * {@code count.index}/{@code each} are unknown, addressed without a key).
 */
record Expansion(Mode mode, List<Value> keys, List<Value> eachValues) {

    enum Mode { SINGLE, COUNT, FOR_EACH, UNKNOWN }

    static final Expansion SINGLE = new Expansion(Mode.SINGLE, List.of(), List.of());

    static Expansion of(Block block, Evaluator evaluator) {
        var count = block.body().attribute("count");
        if (count.isPresent()) {
            Value v = evaluator.evaluate(count.get().value(), Bindings.EMPTY);
            Optional<BigDecimal> n = v instanceof Value.Num num ? Optional.of(num.value()) : Values.number(v);
            if (n.isEmpty() || n.get().signum() < 0 || n.get().stripTrailingZeros().scale() > 0
                    || n.get().compareTo(BigDecimal.valueOf(10_000)) > 0) { // intValue() wraps: 2^32+1 gave 1
                return new Expansion(Mode.UNKNOWN, List.of(), List.of());
            }
            List<Value> keys = new ArrayList<>();
            for (int i = 0; i < n.get().intValue(); i++) {
                keys.add(new Value.Num(BigDecimal.valueOf(i), null));
            }
            return new Expansion(Mode.COUNT, keys, keys);
        }
        var forEach = block.body().attribute("for_each");
        if (forEach.isPresent()) {
            return forEach(evaluator.evaluate(forEach.get().value(), Bindings.EMPTY), forEach.get().span());
        }
        return SINGLE;
    }

    /** Terraform iterates for_each in lexical order of the keys; a set's keys are its (string) elements. */
    private static Expansion forEach(Value v, Span span) {
        TreeMap<String, Value> sorted = new TreeMap<>();
        if (v instanceof Value.MapValue m) {
            sorted.putAll(m.entries());
        } else if (v instanceof Value.ListValue l) {
            for (Value item : l.items()) {
                if (!(item instanceof Value.Str s)) {
                    return new Expansion(Mode.UNKNOWN, List.of(), List.of());
                }
                sorted.put(s.value(), item);
            }
        } else {
            return new Expansion(Mode.UNKNOWN, List.of(), List.of());
        }
        List<Value> keys = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (Map.Entry<String, Value> e : sorted.entrySet()) {
            keys.add(new Value.Str(e.getKey(), null));
            values.add(e.getValue().within(v));
        }
        return new Expansion(Mode.FOR_EACH, keys, values);
    }

    /** The address suffix of instance {@code i}: {@code [0]} or {@code ["key"]}. */
    String suffix(int i) {
        if (mode == Mode.COUNT) {
            return "[" + Values.text(keys.get(i)).orElse("?") + "]";
        }
        if (mode == Mode.FOR_EACH) {
            return "[\"" + Values.text(keys.get(i)).orElse("?") + "\"]";
        }
        return "";
    }

    /** The instances to build: one for SINGLE and UNKNOWN, one per key otherwise. */
    int instanceCount() {
        return mode == Mode.SINGLE || mode == Mode.UNKNOWN ? 1 : keys.size();
    }

    /** {@code count.index} / {@code each.key}, {@code each.value} for instance {@code i}. */
    Bindings bind(Bindings outer, int i, Span span) {
        switch (mode) {
            case COUNT:
                return outer.bind("count", new Value.MapValue(Map.of("index", keys.get(i)), span));
            case FOR_EACH:
                return outer.bind("each", new Value.MapValue(
                        Map.of("key", keys.get(i), "value", eachValues.get(i)), span));
            case UNKNOWN:
                Value unknown = new Value.Unknown("count/for_each is not known", span);
                return outer.bind("count", new Value.MapValue(Map.of("index", unknown), span))
                        .bind("each", new Value.MapValue(Map.of("key", unknown, "value", unknown), span));
            default:
                return outer;
        }
    }
}
