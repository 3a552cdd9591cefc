package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates HCL expressions of one module instance into {@link Value}s, as far as Terraform could before apply.
 * Whatever depends on a resource attribute, a data source, an unset variable or a function preflight does not
 * evaluate is {@link Value.Unknown} (or a {@link Value.Ref} / {@link Value.Template} that keeps the reference).
 * Expressions Terraform would reject raise {@link EvalException}, which {@code try()} catches and callers turn into
 * unknown values.
 */
final class Evaluator {
    /** Deeper than any real configuration; guards against self-referencing locals through functions. */
    private static final int MAX_DEPTH = 200;

    private final Scope scope;
    private final Functions functions;
    private final TemplateRenderer templates = new TemplateRenderer(this);
    private int depth;

    Evaluator(Scope scope) {
        this.scope = scope;
        this.functions = new Functions(scope);
    }

    /** The value of {@code e}; never throws for expressions Terraform accepts. */
    Value evaluate(Expression e, Bindings bindings) {
        try {
            return eval(e, bindings);
        } catch (EvalException ex) {
            return new Value.Unknown("Terraform would reject this expression: " + ex.getMessage(), e.span());
        }
    }

    Value eval(Expression e, Bindings b) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return new Value.Unknown("expression nested too deeply to evaluate", e.span());
        }
        try {
            return dispatch(e, b);
        } finally {
            depth--;
        }
    }

    private Value dispatch(Expression e, Bindings b) {
        if (e instanceof Expression.NullLiteral n) {
            return new Value.Null(n.span());
        } else if (e instanceof Expression.BoolLiteral bl) {
            return new Value.Bool(bl.value(), bl.span());
        } else if (e instanceof Expression.NumberLiteral nl) {
            return new Value.Num(nl.value(), nl.span());
        } else if (e instanceof Expression.Template t) {
            return templates.value(t.parts(), t.span(), b);
        } else if (e instanceof Expression.Tuple t) {
            List<Value> items = new ArrayList<>();
            for (Expression el : t.elements()) {
                items.add(eval(el, b));
            }
            return new Value.ListValue(items, t.span());
        } else if (e instanceof Expression.ObjectCons o) {
            return object(o, b);
        } else if (e instanceof Expression.Variable v) {
            return variable(v, b);
        } else if (e instanceof Expression.GetAttr g) {
            return getAttr(g, b);
        } else if (e instanceof Expression.Index i) {
            return index(eval(i.source(), b), eval(i.key(), b), i.span());
        } else if (e instanceof Expression.Splat s) {
            return splat(s, b);
        } else if (e instanceof Expression.SplatItem si) {
            Value item = b.lookup(SPLAT_ITEM);
            return item != null ? item : new Value.Unknown("splat item outside a splat", si.span());
        } else if (e instanceof Expression.FunctionCall f) {
            return call(f, b);
        } else if (e instanceof Expression.Binary bin) {
            return Operators.binary(bin.op(), eval(bin.left(), b), eval(bin.right(), b), bin.span());
        } else if (e instanceof Expression.Unary u) {
            return Operators.unary(u.op(), eval(u.operand(), b), u.span());
        } else if (e instanceof Expression.Conditional c) {
            return conditional(c, b);
        } else if (e instanceof Expression.For f) {
            return forExpression(f, b);
        } else if (e instanceof Expression.Parens p) {
            return eval(p.inner(), b).at(p.span());
        }
        return new Value.Unknown("expression not understood", e.span());
    }

    /** A name no HCL identifier can take, for the splat's current element. */
    private static final String SPLAT_ITEM = "[*]";

    private Value variable(Expression.Variable v, Bindings b) {
        Value bound = b.lookup(v.name());
        if (bound != null) {
            return bound.at(v.span());
        }
        // A bare root such as `var` or `aws_vpc` is only meaningful with an attribute after it (see getAttr).
        return new Value.Unknown("`" + v.name() + "` is not a value on its own", v.span());
    }

    private Value getAttr(Expression.GetAttr g, Bindings b) {
        Span use = g.span();
        if (g.source() instanceof Expression.Variable root && b.lookup(root.name()) == null) {
            String name = g.name();
            switch (root.name()) {
                case "var":
                    return scope.variable(name, use);
                case "local":
                    return scope.local(name, use);
                case "module":
                    return scope.moduleCall(name, use);
                case "path":
                    return pathValue(name, use);
                case "terraform":
                    return name.equals("workspace") ? new Value.Str("default", use)
                            : new Value.Unknown("terraform." + name + " is not evaluated", use);
                case "self":
                    return new Value.Unknown("self." + name + " is known after apply", use);
                case "count":
                case "each":
                    return new Value.Unknown(root.name() + "." + name + " used outside count/for_each", use);
                case "data":
                    return new Value.Unknown("incomplete data source reference", use);
                default:
                    Value resource = scope.resource(root.name(), name, use);
                    return resource != null ? resource
                            : new Value.Unknown("reference to undeclared resource " + root.name() + "." + name, use);
            }
        }
        if (g.source() instanceof Expression.GetAttr inner && inner.source() instanceof Expression.Variable root
                && b.lookup(root.name()) == null) {
            if (root.name().equals("data")) {
                Value data = scope.data(inner.name(), g.name(), use);
                return data != null ? data
                        : new Value.Unknown("reference to undeclared data source data." + inner.name() + "."
                        + g.name(), use);
            }
            if (root.name().equals("module")) {
                return scope.moduleOutput(inner.name(), null, g.name(), use);
            }
        }
        if (g.source() instanceof Expression.Index idx && idx.source() instanceof Expression.GetAttr call
                && call.source() instanceof Expression.Variable root && root.name().equals("module")
                && b.lookup("module") == null) {
            return scope.moduleOutput(call.name(), eval(idx.key(), b), g.name(), use);
        }
        return attribute(eval(g.source(), b), g.name(), use);
    }

    private Value pathValue(String name, Span use) {
        switch (name) {
            case "module":
                return new Value.Str(relative(scope.directory()), use);
            case "root":
                return new Value.Str(".", use);
            case "cwd":
                return new Value.Unknown("path.cwd depends on where Terraform runs", use);
            default:
                throw new EvalException(use, "unknown path attribute " + name);
        }
    }

    private String relative(java.nio.file.Path dir) {
        java.nio.file.Path root = scope.rootDirectory().toAbsolutePath().normalize();
        java.nio.file.Path d = dir.toAbsolutePath().normalize();
        String rel = root.relativize(d).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** {@code value.name} on any value. */
    static Value attribute(Value source, String name, Span use) {
        if (source instanceof Value.MapValue m) {
            Value v = m.entries().get(name);
            if (v == null) {
                throw new EvalException(use, "object has no attribute \"" + name + "\"");
            }
            return v.within(source).at(use);
        }
        if (source instanceof Value.Ref r) {
            List<String> path = new ArrayList<>(r.attribute());
            path.add(name);
            return new Value.Ref(r.target(), path, use);
        }
        if (source instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), use);
        }
        if (source instanceof Value.Null) {
            throw new EvalException(use, "attempt to get attribute \"" + name + "\" from a null value");
        }
        if (source instanceof Value.ListValue) {
            throw new EvalException(use, "a list has no attribute \"" + name + "\"; use an index or a splat");
        }
        return new Value.Unknown("attribute \"" + name + "\" of a non-object value", use);
    }

    /** {@code source[key]}. */
    static Value index(Value source, Value key, Span use) {
        if (source instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), use);
        }
        if (source instanceof Value.Ref r) {
            if (r.attribute().isEmpty()) {
                // an instance of a resource whose count/for_each is unknown: all instances look alike
                return r.at(use);
            }
            if (!key.isKnown()) {
                return new Value.Unknown("index into " + Values.describe(r) + " with an unknown key", use);
            }
            List<String> path = new ArrayList<>(r.attribute());
            path.add(Values.text(key).orElse("?"));
            return new Value.Ref(r.target(), path, use);
        }
        if (!(key.isKnown())) {
            return new Value.Unknown("index is not known: " + Values.describe(key), use);
        }
        if (source instanceof Value.ListValue l) {
            BigDecimal n = Values.number(key).orElseThrow(() -> new EvalException(use, "list index must be a number"));
            int i;
            try {
                i = n.intValueExact();
            } catch (ArithmeticException ex) {
                throw new EvalException(use, "list index must be a whole number");
            }
            if (i < 0 || i >= l.items().size()) {
                throw new EvalException(use, "index " + i + " out of range for a list of " + l.items().size());
            }
            return l.items().get(i).within(source).at(use);
        }
        if (source instanceof Value.MapValue m) {
            String k = Values.text(key).orElseThrow(() -> new EvalException(use, "map key must be a string"));
            Value v = m.entries().get(k);
            if (v == null) {
                throw new EvalException(use, "the map has no element for the key \"" + k + "\"");
            }
            return v.within(source).at(use);
        }
        if (source instanceof Value.Null) {
            throw new EvalException(use, "cannot index a null value");
        }
        return new Value.Unknown("index into a value that is not a collection", use);
    }

    private Value splat(Expression.Splat s, Bindings b) {
        Value source = eval(s.source(), b);
        Optional<List<Value>> elements = SplatElements.of(source, scope);
        if (elements.isEmpty()) {
            return new Value.Unknown(SplatElements.whyUnknown(source), s.span());
        }
        List<Value> out = new ArrayList<>();
        for (Value el : elements.get()) {
            out.add(eval(s.each(), b.bind(SPLAT_ITEM, el)));
        }
        return new Value.ListValue(out, s.span());
    }

    private Value object(Expression.ObjectCons o, Bindings b) {
        Map<String, Value> entries = new LinkedHashMap<>();
        boolean unknownKey = false;
        for (Expression.ObjectCons.Item item : o.items()) {
            Value key = eval(item.key(), b);
            Optional<String> k = Values.text(key);
            if (k.isEmpty()) {
                unknownKey = true;
                continue;
            }
            entries.put(k.get(), eval(item.value(), b));
        }
        if (unknownKey) {
            return new Value.Unknown("object with a key that is not known", o.span());
        }
        return new Value.MapValue(entries, o.span());
    }

    private Value conditional(Expression.Conditional c, Bindings b) {
        Value cond = eval(c.condition(), b);
        Optional<Boolean> known = cond instanceof Value.Bool bo ? Optional.of(bo.value())
                : cond instanceof Value.Str ? Values.bool(cond) : Optional.empty();
        if (known.isEmpty()) {
            if (cond.isKnown()) {
                throw new EvalException(c.span(), "condition is not a boolean");
            }
            return new Value.Unknown("condition is not known: " + reason(cond), c.span());
        }
        return eval(known.get() ? c.then() : c.otherwise(), b);
    }

    private Value forExpression(Expression.For f, Bindings b) {
        Value coll = eval(f.collection(), b);
        if (!(coll instanceof Value.ListValue) && !(coll instanceof Value.MapValue)) {
            if (coll instanceof Value.Null) {
                throw new EvalException(f.span(), "for expression over a null value");
            }
            return new Value.Unknown("for expression over a collection that is not known: " + reason(coll),
                    f.span());
        }
        List<Value[]> pairs = new ArrayList<>();
        if (coll instanceof Value.ListValue l) {
            for (int i = 0; i < l.items().size(); i++) {
                pairs.add(new Value[] {new Value.Num(BigDecimal.valueOf(i), null), l.items().get(i)});
            }
        } else {
            // Terraform visits a map's elements in lexical order of their keys
            for (Map.Entry<String, Value> e : new java.util.TreeMap<>(((Value.MapValue) coll).entries()).entrySet()) {
                pairs.add(new Value[] {new Value.Str(e.getKey(), null), e.getValue()});
            }
        }
        List<Value> listOut = new ArrayList<>();
        Map<String, Value> mapOut = new LinkedHashMap<>();
        Map<String, List<Value>> grouped = new LinkedHashMap<>();
        for (Value[] pair : pairs) {
            Bindings inner = b.bind(f.valueVar(), pair[1]);
            if (f.keyVar() != null) {
                inner = inner.bind(f.keyVar(), pair[0]);
            }
            if (f.condition() != null) {
                Value keep = eval(f.condition(), inner);
                Optional<Boolean> k = keep instanceof Value.Bool bo ? Optional.of(bo.value()) : Optional.empty();
                if (k.isEmpty()) {
                    return new Value.Unknown("for expression filter is not known: " + reason(keep), f.span());
                }
                if (!k.get()) {
                    continue;
                }
            }
            Value value = eval(f.valueExpr(), inner);
            if (!f.objectResult()) {
                listOut.add(value);
                continue;
            }
            Value key = eval(f.keyExpr(), inner);
            Optional<String> ks = Values.text(key);
            if (ks.isEmpty()) {
                return new Value.Unknown("for expression key is not known: " + reason(key), f.span());
            }
            if (f.grouping()) {
                grouped.computeIfAbsent(ks.get(), x -> new ArrayList<>()).add(value);
            } else {
                if (mapOut.containsKey(ks.get())) {
                    throw new EvalException(f.span(), "duplicate key \"" + ks.get() + "\" in for expression");
                }
                mapOut.put(ks.get(), value);
            }
        }
        if (!f.objectResult()) {
            return new Value.ListValue(listOut, f.span());
        }
        if (f.grouping()) {
            for (Map.Entry<String, List<Value>> e : grouped.entrySet()) {
                mapOut.put(e.getKey(), new Value.ListValue(e.getValue(), f.span()));
            }
        }
        return new Value.MapValue(mapOut, f.span());
    }

    private Value call(Expression.FunctionCall f, Bindings b) {
        String name = f.name();
        if (name.equals("try")) {
            return tryCall(f, b);
        }
        if (name.equals("can")) {
            if (f.args().size() != 1) {
                throw new EvalException(f.span(), "can() takes one argument");
            }
            try {
                Value v = eval(f.args().get(0), b);
                return v.isKnown() ? new Value.Bool(true, f.span())
                        : new Value.Unknown("can() of a value that is not known", f.span());
            } catch (EvalException ex) {
                return new Value.Bool(false, f.span());
            }
        }
        List<Value> args = new ArrayList<>();
        for (Expression a : f.args()) {
            args.add(eval(a, b));
        }
        if (f.expandFinal() && !args.isEmpty()) {
            Value last = args.remove(args.size() - 1);
            if (!(last instanceof Value.ListValue l)) {
                return new Value.Unknown("expanded argument is not a known list", f.span());
            }
            args.addAll(l.items());
        }
        try {
            return functions.call(name, args, f.span());
        } catch (ArithmeticException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // arguments no function could take (tobool(), cidrsubnet(x, 1.5, 1)): Terraform's "Invalid function
            // argument", an error in the configuration, not a reason to drop the whole module (found by fuzzing)
            throw new EvalException(f.span(), name + "(): invalid arguments (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Value tryCall(Expression.FunctionCall f, Bindings b) {
        for (Expression arg : f.args()) {
            try {
                Value v = eval(arg, b);
                if (!v.isKnown() && !(v instanceof Value.Ref) && !(v instanceof Value.Template)) {
                    // Terraform waits for an unknown argument rather than falling through to the next one
                    return new Value.Unknown("try() of a value that is not known: " + reason(v), f.span());
                }
                return v;
            } catch (EvalException ex) {
                // this argument fails; Terraform moves to the next one
            }
        }
        throw new EvalException(f.span(), "no argument of try() could be evaluated");
    }

    static String reason(Value v) {
        if (v instanceof Value.Unknown u) {
            return u.reason();
        }
        if (v instanceof Value.Ref r) {
            return Values.describe(r) + " is known after apply";
        }
        return Values.describe(v);
    }

    static final MathContext MATH = MathContext.DECIMAL128;
}
