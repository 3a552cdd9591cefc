package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts a variable's value to its declared {@code type} as Terraform does before anyone reads it: numbers from
 * numeric strings, strings from numbers, sets sorted and without duplicates, object attributes that are not
 * declared dropped, and {@code optional(...)} attributes filled with their default or null. Values it cannot
 * convert are left as they are (Terraform would reject them; preflight is not the validator).
 */
final class VariableTypes {
    private VariableTypes() {
    }

    static Value convert(Block declaration, Value value) {
        if (declaration == null) {
            return value;
        }
        Optional<Expression> type = declaration.body().attribute("type").map(a -> a.value());
        return type.isEmpty() ? value : convert(type.get(), value);
    }

    static Value convert(Expression type, Value value) {
        if (type instanceof Expression.Parens p) {
            return convert(p.inner(), value);
        }
        if (value instanceof Value.Null || value instanceof Value.Unknown || value instanceof Value.Ref
                || value instanceof Value.Template) {
            return value;
        }
        if (type instanceof Expression.Variable v) {
            return primitive(v.name(), value);
        }
        if (!(type instanceof Expression.FunctionCall f) || f.args().isEmpty()) {
            return value;
        }
        Expression arg = f.args().get(0);
        switch (f.name()) {
            case "list":
                return value instanceof Value.ListValue l ? new Value.ListValue(each(arg, l.items()), l.span()) : value;
            case "set":
                return value instanceof Value.ListValue l ? set(each(arg, l.items()), l) : value;
            case "map":
                if (value instanceof Value.MapValue m) {
                    Map<String, Value> out = new LinkedHashMap<>();
                    m.entries().forEach((k, v) -> out.put(k, convert(arg, v)));
                    return new Value.MapValue(out, m.span());
                }
                return value;
            case "object":
                return arg instanceof Expression.ObjectCons o && value instanceof Value.MapValue m
                        ? object(o, m) : value;
            case "optional":
                return convert(arg, value);
            default:
                return value;
        }
    }

    private static Value primitive(String name, Value value) {
        switch (name) {
            case "string":
                if (value instanceof Value.Num || value instanceof Value.Bool) {
                    return new Value.Str(Values.text(value).orElseThrow(), value.span());
                }
                return value;
            case "number":
                if (value instanceof Value.Str s) {
                    try {
                        return new Value.Num(new BigDecimal(s.value().trim()), s.span());
                    } catch (NumberFormatException e) {
                        return value;
                    }
                }
                return value;
            case "bool":
                if (value instanceof Value.Str s) {
                    return Values.bool(s).<Value>map(b -> new Value.Bool(b, s.span())).orElse(value);
                }
                return value;
            default:
                return value;
        }
    }

    private static List<Value> each(Expression type, List<Value> items) {
        List<Value> out = new ArrayList<>();
        for (Value v : items) {
            out.add(convert(type, v));
        }
        return out;
    }

    private static Value set(List<Value> items, Value.ListValue original) {
        if (!items.stream().allMatch(v -> v instanceof Value.Str)) {
            return new Value.ListValue(items, original.span());
        }
        TreeMap<String, Value> sorted = new TreeMap<>();
        for (Value v : items) {
            sorted.putIfAbsent(((Value.Str) v).value(), v);
        }
        return new Value.ListValue(new ArrayList<>(sorted.values()), original.span());
    }

    private static Value object(Expression.ObjectCons type, Value.MapValue value) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Expression.ObjectCons.Item item : type.items()) {
            Optional<String> name = item.key() instanceof Expression.Template t
                    ? Optional.ofNullable(t.literalText()) : Optional.empty();
            if (name.isEmpty()) {
                return value;
            }
            Value present = value.entries().get(name.get());
            Expression attrType = item.value();
            if (present != null) {
                out.put(name.get(), convert(attrType, present));
            } else if (attrType instanceof Expression.FunctionCall f && f.name().equals("optional")) {
                Value dflt = f.args().size() > 1
                        ? new Evaluator(NoScope.INSTANCE).evaluate(f.args().get(1), Bindings.EMPTY)
                        : new Value.Null(value.span());
                out.put(name.get(), convert(f.args().get(0), dflt));
            }
            // a missing required attribute: Terraform rejects the value; leave it out
        }
        return new Value.MapValue(out, value.span());
    }
}
