package dev.preflight.terraform.plan;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills what a plan lacks from preflight's evaluation of the same instance's source. Values known only after apply,
 * at any depth:
 * {@code nat_gateway_id = aws_nat_gateway.this[count.index].id} inside a route block, an element of a list built by
 * {@code element()} or a for-expression. The evaluation knows count.index, each.key, locals and function results
 * that the expression's syntax alone does not. Only a value the plan leaves unknown is replaced, and only by one
 * that is itself not fully known (a reference, a template with an unknown part): a known value Terraform would
 * contradict is never taken. And positions: a value inside a JSON document or a set of blocks has, in the plan,
 * only the position of its attribute or block, where the evaluation knows the line it was written on. Elements of
 * lists are matched by their known parts, since sets come in the plan's order.
 */
final class SourceFill {
    private SourceFill() {
    }

    /** {@code planned} with its unknown parts taken from {@code source} where it knows their shape. */
    static Value fill(Value planned, Value source) {
        if (planned instanceof Value.Unknown) {
            return !(source instanceof Value.Unknown) && !PlanValues.fullyKnown(source) ? source : planned;
        }
        if (planned instanceof Value.MapValue p && source instanceof Value.MapValue s) {
            Map<String, Value> out = new LinkedHashMap<>();
            p.entries().forEach((k, v) -> {
                Optional<Value> from = PlanValues.fullyKnown(v) ? Optional.empty() : s.get(k);
                out.put(k, from.isPresent() ? fill(v, from.get()) : v);
            });
            return new Value.MapValue(out, p.span());
        }
        if (planned instanceof Value.ListValue p && source instanceof Value.ListValue s) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < p.items().size(); i++) {
                Value item = p.items().get(i);
                Value match = PlanValues.fullyKnown(item) ? null : counterpart(item, i, p.items().size(), s.items());
                out.add(match == null ? item : fill(item, match));
            }
            return new Value.ListValue(out, p.span());
        }
        return planned;
    }

    /** {@code planned} with the positions of the equal values of {@code source}, where it has them. */
    static Value positions(Value planned, Value source) {
        Value out = planned;
        if (planned instanceof Value.MapValue p && source instanceof Value.MapValue s) {
            Map<String, Value> entries = new LinkedHashMap<>();
            p.entries().forEach((k, v) -> entries.put(k, s.get(k).map(from -> positions(v, from)).orElse(v)));
            out = new Value.MapValue(entries, p.span());
        } else if (planned instanceof Value.ListValue p && source instanceof Value.ListValue s) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < p.items().size(); i++) {
                Value match = counterpart(p.items().get(i), i, p.items().size(), s.items());
                items.add(match == null ? p.items().get(i) : positions(p.items().get(i), match));
            }
            out = new Value.ListValue(items, p.span());
        } else if (!planned.isKnown() || !agree(planned, source)) {
            return planned;
        }
        return source.span() != null && agree(planned, source) ? out.at(source.span()) : out;
    }

    /** The element of {@code source} that {@code item} (element {@code i} of {@code size}) is, or null. */
    private static Value counterpart(Value item, int i, int size, List<Value> source) {
        if (size == source.size() && agree(item, source.get(i))) {
            return source.get(i);
        }
        Value found = null;
        for (Value s : source) {
            if (agree(item, s)) {
                if (found != null) {
                    return null; // two candidates: not sure which
                }
                found = s;
            }
        }
        return found;
    }

    /** True when nothing both values know differs. */
    private static boolean agree(Value a, Value b) {
        if (a instanceof Value.MapValue ma && b instanceof Value.MapValue mb) {
            for (Map.Entry<String, Value> e : ma.entries().entrySet()) {
                Optional<Value> other = mb.get(e.getKey());
                if (other.isPresent() && !agree(e.getValue(), other.get())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.ListValue la && b instanceof Value.ListValue lb) {
            // a set comes in any order: each element must agree with one of the other's
            if (la.items().size() != lb.items().size()) {
                return false;
            }
            for (Value x : la.items()) {
                if (lb.items().stream().noneMatch(y -> agree(x, y))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isKnown() && b.isKnown() && !(a instanceof Value.MapValue) && !(b instanceof Value.MapValue)) {
            return Values.sameKnown(a, b).orElse(false) || Values.text(a).equals(Values.text(b));
        }
        return true;
    }
}
