package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Terraform's built-in functions that preflight evaluates. Collection functions work on lists whose elements may be
 * references ({@code concat(aws_subnet.a[*].id, ...)} keeps the references); string and number functions need known
 * arguments. Any other function, and non-deterministic ones ({@code timestamp}, {@code uuid}), give an unknown.
 */
final class Functions {
    private final Scope scope;

    Functions(Scope scope) {
        this.scope = scope;
    }

    Value call(String name, List<Value> args, Span span) {
        String fn = name.startsWith("core::") ? name.substring("core::".length()) : name;
        switch (fn) {
            case "jsonencode":
                // kept as the structure itself, so container definitions and policies keep their spans;
                // attributes that hold JSON accept both a structure and a JSON string
                return one(args, span);
            case "sensitive":
            case "nonsensitive":
            case "tolist":
            case "tomap":
                return unifyPrimitives(one(args, span), span).at(span);
            case "toset":
                return toSet(unifyPrimitives(one(args, span), span), span);
            case "concat":
                return concat(args, span);
            case "merge":
                return merge(args, span);
            case "flatten":
                return flatten(one(args, span), span);
            case "length":
                return length(one(args, span), span);
            case "element":
                return element(args, span);
            case "lookup":
                return lookup(args, span);
            case "keys":
            case "values":
                return keysOrValues(fn, one(args, span), span);
            case "coalesce":
                return coalesce(args, span);
            case "coalescelist":
                return coalesceList(args, span);
            case "compact":
                return compact(one(args, span), span);
            case "distinct":
                return distinct(one(args, span), span);
            case "contains":
                return contains(args, span);
            case "one":
                return oneOf(one(args, span), span);
            case "reverse":
                return reverse(one(args, span), span);
            case "slice":
                return slice(args, span);
            case "zipmap":
                return zipmap(args, span);
            case "range":
                return range(args, span);
            case "jsondecode":
                return jsondecode(args, span);
            case "file":
                return scope.files().file(args, span);
            case "templatefile":
                return scope.files().templatefile(args, span);
            default:
                return scalarFunction(fn, args, span);
        }
    }

    private Value scalarFunction(String fn, List<Value> args, Span span) {
        for (Value a : args) {
            if (!a.isKnown()) {
                return new Value.Unknown(fn + "() of a value that is not known: " + Evaluator.reason(a), span);
            }
        }
        switch (fn) {
            case "lower":
                return str(text(args, 0, span).toLowerCase(Locale.ROOT), span);
            case "upper":
                return str(text(args, 0, span).toUpperCase(Locale.ROOT), span);
            case "trimspace":
                return str(text(args, 0, span).strip(), span);
            case "trimprefix": {
                String s = text(args, 0, span);
                String p = text(args, 1, span);
                return str(s.startsWith(p) ? s.substring(p.length()) : s, span);
            }
            case "trimsuffix": {
                String s = text(args, 0, span);
                String p = text(args, 1, span);
                return str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, span);
            }
            case "startswith":
                return new Value.Bool(text(args, 0, span).startsWith(text(args, 1, span)), span);
            case "endswith":
                return new Value.Bool(text(args, 0, span).endsWith(text(args, 1, span)), span);
            case "strcontains":
                return new Value.Bool(text(args, 0, span).contains(text(args, 1, span)), span);
            case "replace": {
                String pattern = text(args, 1, span);
                if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) {
                    return new Value.Unknown("replace() with a regular expression is not evaluated", span);
                }
                return str(text(args, 0, span).replace(pattern, text(args, 2, span)), span);
            }
            case "substr":
                return substr(args, span);
            case "join":
                return join(args, span);
            case "split":
                return split(args, span);
            case "format":
                return Format.format(args, span);
            case "tostring":
                if (one(args, span) instanceof Value.Null) {
                    return args.get(0);
                }
                return str(text(args, 0, span), span);
            case "tonumber":
                return new Value.Num(number(args, 0, span), span);
            case "tobool":
                return new Value.Bool(Values.bool(one(args, span))
                        .orElseThrow(() -> new EvalException(span, "not a bool")), span);
            case "abs":
                return new Value.Num(number(args, 0, span).abs(), span);
            case "ceil":
                return new Value.Num(number(args, 0, span).setScale(0, RoundingMode.CEILING), span);
            case "floor":
                return new Value.Num(number(args, 0, span).setScale(0, RoundingMode.FLOOR), span);
            case "max":
            case "min":
                return minMax(fn, args, span);
            case "sum":
                return sum(args, span);
            case "cidrsubnet":
                return str(Cidr.subnet(text(args, 0, span), number(args, 1, span).intValueExact(),
                        number(args, 2, span).toBigIntegerExact(), span), span);
            case "cidrhost":
                return str(Cidr.host(text(args, 0, span), number(args, 1, span).toBigIntegerExact(), span), span);
            case "base64encode":
                return str(Base64.getEncoder().encodeToString(text(args, 0, span).getBytes(StandardCharsets.UTF_8)),
                        span);
            default:
                return ModuleFunctions.call(fn, args, span);
        }
    }

    private static Value one(List<Value> args, Span span) {
        if (args.size() != 1) {
            throw new EvalException(span, "expected one argument");
        }
        return args.get(0);
    }

    private static Value.Str str(String s, Span span) {
        return new Value.Str(s, span);
    }

    static String text(List<Value> args, int i, Span span) {
        if (i >= args.size()) {
            throw new EvalException(span, "missing argument " + (i + 1));
        }
        return Values.text(args.get(i)).orElseThrow(() -> new EvalException(span, "a string is required"));
    }

    private static BigDecimal number(List<Value> args, int i, Span span) {
        if (i >= args.size()) {
            throw new EvalException(span, "missing argument " + (i + 1));
        }
        return Operators.bounded(Values.number(args.get(i))
                .orElseThrow(() -> new EvalException(span, "a number is required")), span);
    }

    private static Value unknownUnless(Value v, Span span) {
        return new Value.Unknown("collection is not known: " + Evaluator.reason(v), span);
    }

    /**
     * A list or map's elements converted to one type, as Terraform's collection conversions do: numbers and bools
     * mixed with strings all become strings ({@code tomap({a = 1, b = "x"})} is {@code {a = "1", b = "x"}}).
     */
    private static Value unifyPrimitives(Value v, Span span) {
        List<Value> items = v instanceof Value.ListValue l ? l.items()
                : v instanceof Value.MapValue m ? new ArrayList<>(m.entries().values()) : List.of();
        boolean anyString = items.stream().anyMatch(x -> x instanceof Value.Str);
        boolean anyOtherScalar = items.stream().anyMatch(x -> x instanceof Value.Num || x instanceof Value.Bool);
        if (!anyOtherScalar) {
            return v;
        }
        if (!anyString) {
            boolean numbers = items.stream().anyMatch(x -> x instanceof Value.Num);
            boolean bools = items.stream().anyMatch(x -> x instanceof Value.Bool);
            if (numbers && bools) {
                throw new EvalException(span, "numbers and bools have no common type");
            }
            return v;
        }
        if (v instanceof Value.ListValue l) {
            List<Value> out = new ArrayList<>();
            l.items().forEach(x -> out.add(asString(x)));
            return new Value.ListValue(out, l.span());
        }
        Value.MapValue m = (Value.MapValue) v;
        Map<String, Value> out = new LinkedHashMap<>();
        m.entries().forEach((k, x) -> out.put(k, asString(x)));
        return new Value.MapValue(out, m.span());
    }

    private static Value asString(Value x) {
        return x instanceof Value.Num || x instanceof Value.Bool
                ? new Value.Str(Values.text(x).orElseThrow(), x.span()) : x;
    }

    private static Value toSet(Value v, Span span) {
        if (!(v instanceof Value.ListValue l)) {
            return v instanceof Value.Unknown || v instanceof Value.Ref || v instanceof Value.Template
                    ? unknownUnless(v, span) : v;
        }
        if (!l.isKnown()) {
            // duplicates among unknown elements would merge: the set's size is not known
            return new Value.Unknown("set of values that are not all known", span);
        }
        // Terraform orders sets of strings lexically
        boolean allStrings = l.items().stream().allMatch(x -> x instanceof Value.Str);
        List<Value> out = new ArrayList<>();
        if (allStrings) {
            TreeSet<String> sorted = new TreeSet<>();
            Map<String, Value> first = new LinkedHashMap<>();
            for (Value x : l.items()) {
                String s = ((Value.Str) x).value();
                sorted.add(s);
                first.putIfAbsent(s, x);
            }
            for (String s : sorted) {
                out.add(first.get(s));
            }
            return new Value.ListValue(out, span);
        }
        if (l.items().stream().allMatch(x -> x instanceof Value.Num)) {
            // and sets of numbers numerically
            List<Value> numbers = new ArrayList<>(((Value.ListValue) distinct(v, span)).items());
            numbers.sort((a, b) -> ((Value.Num) a).value().compareTo(((Value.Num) b).value()));
            return new Value.ListValue(numbers, span);
        }
        return distinct(v, span);
    }

    private static Value concat(List<Value> args, Span span) {
        List<Value> out = new ArrayList<>();
        for (Value a : args) {
            if (!(a instanceof Value.ListValue l)) {
                return a.isKnown() ? fail(span, "concat() takes lists") : unknownUnless(a, span);
            }
            out.addAll(l.items());
        }
        return new Value.ListValue(out, span);
    }

    private static Value fail(Span span, String message) {
        throw new EvalException(span, message);
    }

    private static Value merge(List<Value> args, Span span) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value a : args) {
            if (a instanceof Value.Null) {
                continue;
            }
            if (!(a instanceof Value.MapValue m)) {
                return a.isKnown() ? fail(span, "merge() takes maps") : unknownUnless(a, span);
            }
            out.putAll(m.entries());
        }
        return new Value.MapValue(out, span);
    }

    private static Value flatten(Value v, Span span) {
        if (!(v instanceof Value.ListValue l)) {
            return v.isKnown() ? fail(span, "flatten() takes a list") : unknownUnless(v, span);
        }
        List<Value> out = new ArrayList<>();
        for (Value item : l.items()) {
            if (item instanceof Value.ListValue) {
                Value inner = flatten(item, span);
                if (!(inner instanceof Value.ListValue il)) {
                    return inner;
                }
                out.addAll(il.items());
            } else if (item instanceof Value.Unknown) {
                // could be a list itself: the flattened length is not known
                return unknownUnless(item, span);
            } else {
                out.add(item);
            }
        }
        return new Value.ListValue(out, span);
    }

    private static Value length(Value v, Span span) {
        if (v instanceof Value.ListValue l) {
            return new Value.Num(BigDecimal.valueOf(l.items().size()), span);
        }
        if (v instanceof Value.MapValue m) {
            return new Value.Num(BigDecimal.valueOf(m.entries().size()), span);
        }
        if (v instanceof Value.Str s) {
            return new Value.Num(BigDecimal.valueOf(s.value().codePointCount(0, s.value().length())), span);
        }
        return unknownUnless(v, span);
    }

    private static Value element(List<Value> args, Span span) {
        if (args.size() != 2) {
            throw new EvalException(span, "element() takes two arguments");
        }
        if (!(args.get(0) instanceof Value.ListValue l) || !args.get(1).isKnown()) {
            return args.get(0).isKnown() && !(args.get(0) instanceof Value.ListValue)
                    ? fail(span, "element() takes a list") : unknownUnless(args.get(0), span);
        }
        if (l.items().isEmpty()) {
            throw new EvalException(span, "element() of an empty list");
        }
        int i = Values.number(args.get(1)).orElseThrow(() -> new EvalException(span, "index must be a number"))
                .intValue();
        if (i < 0) {
            throw new EvalException(span, "element() index must not be negative");
        }
        return l.items().get(i % l.items().size()).at(span);
    }

    private static Value lookup(List<Value> args, Span span) {
        if (args.size() < 2 || args.size() > 3) {
            throw new EvalException(span, "lookup() takes two or three arguments");
        }
        if (!(args.get(0) instanceof Value.MapValue m) || !args.get(1).isKnown()) {
            Value cause = args.get(0) instanceof Value.MapValue ? args.get(1) : args.get(0);
            return new Value.Unknown("lookup() in a map or with a key that is not known: " + Evaluator.reason(cause),
                    span);
        }
        String key = Values.text(args.get(1)).orElseThrow(() -> new EvalException(span, "key must be a string"));
        Value v = m.entries().get(key);
        if (v != null) {
            return v.at(span);
        }
        if (args.size() == 3) {
            return args.get(2);
        }
        throw new EvalException(span, "lookup() found no key \"" + key + "\"");
    }

    private static Value keysOrValues(String fn, Value v, Span span) {
        if (!(v instanceof Value.MapValue m)) {
            return v.isKnown() ? fail(span, fn + "() takes a map") : unknownUnless(v, span);
        }
        // Terraform returns keys (and the values in key order) sorted lexically
        List<String> keys = new ArrayList<>(new TreeSet<>(m.entries().keySet()));
        List<Value> out = new ArrayList<>();
        for (String k : keys) {
            out.add(fn.equals("keys") ? new Value.Str(k, span) : m.entries().get(k));
        }
        return new Value.ListValue(out, span);
    }

    private static Value coalesce(List<Value> args, Span span) {
        for (Value a : args) {
            if (a instanceof Value.Null) {
                continue;
            }
            if (!a.isKnown()) {
                return unknownUnless(a, span);
            }
            if (a instanceof Value.Str s && s.value().isEmpty()) {
                continue;
            }
            return a;
        }
        throw new EvalException(span, "no non-null, non-empty argument to coalesce()");
    }

    private static Value coalesceList(List<Value> args, Span span) {
        for (Value a : args) {
            if (!(a instanceof Value.ListValue l)) {
                return unknownUnless(a, span);
            }
            if (!l.items().isEmpty()) {
                return a;
            }
        }
        return new Value.ListValue(List.of(), span);
    }

    private static Value compact(Value v, Span span) {
        if (!(v instanceof Value.ListValue l) || !l.isKnown()) {
            return unknownUnless(v, span);
        }
        List<Value> out = new ArrayList<>();
        for (Value item : l.items()) {
            if (!(item instanceof Value.Null) && !(item instanceof Value.Str s && s.value().isEmpty())) {
                out.add(item);
            }
        }
        return new Value.ListValue(out, span);
    }

    private static Value distinct(Value v, Span span) {
        if (!(v instanceof Value.ListValue l) || !l.isKnown()) {
            return unknownUnless(v, span);
        }
        List<Value> out = new ArrayList<>();
        for (Value item : l.items()) {
            boolean seen = false;
            for (Value o : out) {
                if (Values.sameKnown(o, item).orElse(false)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                out.add(item);
            }
        }
        return new Value.ListValue(out, span);
    }

    private static Value contains(List<Value> args, Span span) {
        if (args.size() != 2 || !args.get(0).isKnown() || !args.get(1).isKnown()) {
            return new Value.Unknown("contains() of values that are not known", span);
        }
        if (!(args.get(0) instanceof Value.ListValue l)) {
            throw new EvalException(span, "contains() takes a list");
        }
        for (Value item : l.items()) {
            if (Values.sameKnown(item, args.get(1)).orElse(false)) {
                return new Value.Bool(true, span);
            }
        }
        return new Value.Bool(false, span);
    }

    private static Value oneOf(Value v, Span span) {
        if (!(v instanceof Value.ListValue l)) {
            return unknownUnless(v, span);
        }
        if (l.items().isEmpty()) {
            return new Value.Null(span);
        }
        if (l.items().size() > 1) {
            throw new EvalException(span, "one() of a list with more than one element");
        }
        return l.items().get(0);
    }

    private static Value reverse(Value v, Span span) {
        if (!(v instanceof Value.ListValue l)) {
            return unknownUnless(v, span);
        }
        List<Value> out = new ArrayList<>(l.items());
        java.util.Collections.reverse(out);
        return new Value.ListValue(out, span);
    }

    private static Value slice(List<Value> args, Span span) {
        if (args.size() != 3 || !(args.get(0) instanceof Value.ListValue l) || !args.get(1).isKnown()
                || !args.get(2).isKnown()) {
            return new Value.Unknown("slice() of values that are not known", span);
        }
        int from = number(args, 1, span).intValue();
        int to = number(args, 2, span).intValue();
        if (from < 0 || to > l.items().size() || from > to) {
            throw new EvalException(span, "slice() indexes out of range");
        }
        return new Value.ListValue(l.items().subList(from, to), span);
    }

    private static Value zipmap(List<Value> args, Span span) {
        if (args.size() != 2 || !(args.get(0) instanceof Value.ListValue k) || !k.isKnown()
                || !(args.get(1) instanceof Value.ListValue v)) {
            return new Value.Unknown("zipmap() of values that are not known", span);
        }
        if (k.items().size() != v.items().size()) {
            throw new EvalException(span, "zipmap() lists differ in length");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < k.items().size(); i++) {
            out.put(Values.text(k.items().get(i)).orElseThrow(() -> new EvalException(span, "keys must be strings")),
                    v.items().get(i));
        }
        return new Value.MapValue(out, span);
    }

    private static Value range(List<Value> args, Span span) {
        for (Value a : args) {
            if (!a.isKnown()) {
                return unknownUnless(a, span);
            }
        }
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ONE;
        BigDecimal end;
        if (args.size() == 1) {
            end = number(args, 0, span);
        } else if (args.size() >= 2) {
            start = number(args, 0, span);
            end = number(args, 1, span);
            if (args.size() == 3) {
                step = number(args, 2, span);
            } else if (end.compareTo(start) < 0) {
                step = BigDecimal.ONE.negate();
            }
        } else {
            throw new EvalException(span, "range() takes one to three arguments");
        }
        if (step.signum() == 0) {
            throw new EvalException(span, "range() step must not be zero");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0; x = x.add(step)) {
            if (out.size() >= 1024) {
                throw new EvalException(span, "range() too long");
            }
            out.add(new Value.Num(x, span));
        }
        return new Value.ListValue(out, span);
    }

    private static Value join(List<Value> args, Span span) {
        String sep = text(args, 0, span);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.size(); i++) {
            if (!(args.get(i) instanceof Value.ListValue l)) {
                throw new EvalException(span, "join() takes lists");
            }
            for (Value item : l.items()) {
                if (!first) {
                    sb.append(sep);
                }
                first = false;
                sb.append(Values.text(item).orElseThrow(() -> new EvalException(span, "join() of non-strings")));
            }
        }
        return new Value.Str(sb.toString(), span);
    }

    private static Value split(List<Value> args, Span span) {
        String sep = text(args, 0, span);
        String s = text(args, 1, span);
        List<Value> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new Value.Str(new String(Character.toChars(cp)), span)));
        } else {
            int from = 0;
            for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
                out.add(new Value.Str(s.substring(from, at), span));
                from = at + sep.length();
            }
            out.add(new Value.Str(s.substring(from), span));
        }
        return new Value.ListValue(out, span);
    }

    private static Value substr(List<Value> args, Span span) {
        String s = text(args, 0, span);
        int[] cps = s.codePoints().toArray();
        int offset = number(args, 1, span).intValue();
        int length = number(args, 2, span).intValue();
        if (offset < 0) {
            offset = Math.max(0, cps.length + offset);
        }
        if (offset > cps.length) {
            throw new EvalException(span, "substr() offset out of range");
        }
        int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
        return new Value.Str(new String(cps, offset, end - offset), span);
    }

    private static Value minMax(String fn, List<Value> args, Span span) {
        if (args.isEmpty()) {
            throw new EvalException(span, fn + "() needs at least one argument");
        }
        BigDecimal best = number(args, 0, span);
        for (int i = 1; i < args.size(); i++) {
            BigDecimal n = number(args, i, span);
            best = fn.equals("max") ? best.max(n) : best.min(n);
        }
        return new Value.Num(best, span);
    }

    private static Value sum(List<Value> args, Span span) {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l) || l.items().isEmpty()) {
            throw new EvalException(span, "sum() takes a non-empty list");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Value item : l.items()) {
            total = total.add(Values.number(item).orElseThrow(() -> new EvalException(span, "sum() of non-numbers")));
        }
        return new Value.Num(total, span);
    }

    private static Value jsondecode(List<Value> args, Span span) {
        Value v = one(args, span);
        if (v instanceof Value.MapValue || v instanceof Value.ListValue) {
            // JSON that jsonencode() or a policy document gave, which the evaluator keeps as its structure
            return v.at(span);
        }
        Optional<String> t = v instanceof Value.Str s ? Optional.of(s.value()) : Optional.empty();
        if (t.isEmpty()) {
            return unknownUnless(v, span);
        }
        return JsonText.parse(t.get(), (line, col, endLine, endCol) -> span).orElseThrow(
                () -> new EvalException(span, "jsondecode() of text that is not JSON"));
    }
}
