package dev.preflight.terraform.plan;

import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a value Terraform knows only after apply back into the reference it was written as, so that rules follow
 * the edge: {@code vpc_id = aws_vpc.main.id} becomes a {@link Value.Ref} to {@code aws_vpc.main}. Only plain
 * references are restored (a traversal, a list of them, a splat, a module output that is one); an expression that
 * computes something from a reference ({@code "${aws_vpc.main.id}-x"}, {@code lower(...)}) stays unknown, since
 * it is not the referenced value.
 */
final class SourceReferences {
    /** Outputs that lead to outputs: deeper than any real configuration, and a guard against cycles. */
    private static final int MAX_DEPTH = 16;

    private final String scope;
    private final SourceTree sources;
    /** Instance addresses of each resource address without index, in Terraform's order. */
    private final Map<String, List<String>> instancesByBase;

    SourceReferences(String scope, SourceTree sources, Map<String, List<String>> instancesByBase) {
        this.scope = scope;
        this.sources = sources;
        this.instancesByBase = instancesByBase;
    }

    /** The reference(s) {@code e}, written in module instance {@code prefix}, stands for; empty when it is not one. */
    Optional<Value> resolve(Expression e, String prefix, List<String> calls, Span span) {
        return resolve(e, prefix, calls, span, 0);
    }

    private Optional<Value> resolve(Expression e, String prefix, List<String> calls, Span span, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (e instanceof Expression.Parens p) {
            return resolve(p.inner(), prefix, calls, span, depth);
        }
        if (e instanceof Expression.Template t && t.parts().size() == 1
                && t.parts().get(0) instanceof TemplatePart.Interpolation only) {
            return resolve(only.expression(), prefix, calls, span, depth);
        }
        if (e instanceof Expression.Tuple t) {
            List<Value> items = new ArrayList<>();
            for (Expression el : t.elements()) {
                Optional<Value> v = resolve(el, prefix, calls, span, depth);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                items.add(v.get());
            }
            return Optional.of(new Value.ListValue(items, span));
        }
        if (e instanceof Expression.Splat s) {
            return splat(s, prefix, span);
        }
        List<Object> steps = new ArrayList<>();
        String root = traversal(e, steps);
        if (root == null) {
            return Optional.empty();
        }
        switch (root) {
            case "var", "local", "count", "each", "path", "self", "terraform":
                return Optional.empty();
            case "module":
                return moduleOutput(steps, prefix, calls, span, depth);
            case "data":
                if (steps.size() < 2 || !(steps.get(0) instanceof String t) || !(steps.get(1) instanceof String n)) {
                    return Optional.empty();
                }
                return resource(prefix + "data." + t + "." + n, steps.subList(2, steps.size()), span);
            default:
                if (steps.isEmpty() || !(steps.get(0) instanceof String name)) {
                    return Optional.empty();
                }
                return resource(prefix + root + "." + name, steps.subList(1, steps.size()), span);
        }
    }

    /** A reference to an attribute of one resource instance, from its base address and the steps after it. */
    private Optional<Value> resource(String base, List<Object> rest, Span span) {
        List<String> instances = instancesByBase.get(base);
        if (instances == null) {
            return Optional.empty();
        }
        String address = base;
        int next = 0;
        if (!rest.isEmpty() && rest.get(0) instanceof Key k) {
            address = base + k.suffix();
            next = 1;
        }
        if (!instances.contains(address) || next >= rest.size()) {
            // no such instance, or the whole resource object rather than one of its attributes
            return Optional.empty();
        }
        List<String> path = new ArrayList<>();
        for (Object step : rest.subList(next, rest.size())) {
            path.add(step instanceof Key k ? k.text() : (String) step);
        }
        return Optional.of(new Value.Ref(new ResourceId(scope, address), path, span));
    }

    /** {@code aws_subnet.a[*].id}: one reference per planned instance. */
    private Optional<Value> splat(Expression.Splat s, String prefix, Span span) {
        List<Object> steps = new ArrayList<>();
        String root = traversal(s.source(), steps);
        List<Object> each = new ArrayList<>();
        String item = traversal(s.each(), each);
        if (root == null || item == null || !item.equals("[*]") || each.isEmpty()) {
            return Optional.empty();
        }
        String base;
        if (root.equals("data") && steps.size() == 2) {
            base = prefix + "data." + steps.get(0) + "." + steps.get(1);
        } else if (steps.size() == 1 && steps.get(0) instanceof String name && !isNamespace(root)) {
            base = prefix + root + "." + name;
        } else {
            return Optional.empty();
        }
        List<String> instances = instancesByBase.get(base);
        if (instances == null) {
            return Optional.empty();
        }
        List<Value> items = new ArrayList<>();
        for (String instance : instances) {
            List<String> path = new ArrayList<>();
            for (Object step : each) {
                path.add(step instanceof Key k ? k.text() : (String) step);
            }
            items.add(new Value.Ref(new ResourceId(scope, instance), path, span));
        }
        return Optional.of(new Value.ListValue(items, span));
    }

    private static boolean isNamespace(String root) {
        return List.of("var", "local", "count", "each", "path", "self", "terraform", "module").contains(root);
    }

    /** {@code module.net.vpc_id} or {@code module.net["a"].vpc_id}: the output's own expression, in the child. */
    private Optional<Value> moduleOutput(List<Object> steps, String prefix, List<String> calls, Span span,
                                         int depth) {
        if (steps.isEmpty() || !(steps.get(0) instanceof String call)) {
            return Optional.empty();
        }
        int next = 1;
        String key = "";
        if (steps.size() > next && steps.get(next) instanceof Key k) {
            key = k.suffix();
            next++;
        }
        if (steps.size() <= next || !(steps.get(next) instanceof String output)) {
            return Optional.empty();
        }
        List<String> childCalls = new ArrayList<>(calls);
        childCalls.add(call);
        Block block = sources.module(childCalls).outputs.get(output);
        Optional<Attribute> value = block == null ? Optional.empty() : block.body().attribute("value");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String childPrefix = prefix + "module." + call + key + ".";
        Optional<Value> resolved = resolve(value.get().value(), childPrefix, childCalls, span, depth + 1);
        List<Object> rest = steps.subList(next + 1, steps.size());
        if (rest.isEmpty() || resolved.isEmpty()) {
            return resolved;
        }
        if (!(resolved.get() instanceof Value.Ref r)) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>(r.attribute());
        rest.forEach(step -> path.add(step instanceof Key k ? k.text() : (String) step));
        return Optional.of(new Value.Ref(r.target(), path, span));
    }

    /** An index step with a literal key. */
    private record Key(String text, boolean number) {
        String suffix() {
            return number ? "[" + text + "]" : "[\"" + text + "\"]";
        }
    }

    /**
     * The root name of a traversal ({@code aws_vpc} of {@code aws_vpc.main.id}; {@code [*]} for a splat item)
     * with its steps after it (attribute names, and {@link Key}s for literal indexes); null when {@code e} is not a
     * traversal with literal keys.
     */
    private static String traversal(Expression e, List<Object> steps) {
        if (e instanceof Expression.Variable v) {
            return v.name();
        }
        if (e instanceof Expression.SplatItem) {
            return "[*]";
        }
        if (e instanceof Expression.GetAttr g) {
            String root = traversal(g.source(), steps);
            steps.add(g.name());
            return root;
        }
        if (e instanceof Expression.Index i) {
            String root = traversal(i.source(), steps);
            Key key = literalKey(i.key());
            if (key == null) {
                return null;
            }
            steps.add(key);
            return root;
        }
        return null;
    }

    private static Key literalKey(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            BigDecimal v = n.value();
            return v.stripTrailingZeros().scale() <= 0 ? new Key(Values.numberText(v), true) : null;
        }
        if (e instanceof Expression.Template t && t.literalText() != null) {
            return new Key(t.literalText(), false);
        }
        return null;
    }
}
