package dev.preflight.terraform;

import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which input variables of a module a value written inside it comes from, read from the syntax alone: the flow of
 * data through locals, object and tuple constructors, attribute and index steps, for-expressions,
 * {@code each.value} and dynamic-block iterators, structure-keeping functions ({@code try}, {@code merge},
 * {@code lookup}, ...), module outputs, and attributes written on other resources. Conditions, {@code count},
 * filters and keys only decide whether or which value flows, so they are not origins. Paths narrow the walk: the
 * {@code image} of a container definition comes from the {@code image} entry of an object, not from its
 * neighbours.
 */
final class ArgumentOrigins {
    /** A path step that stands for any element or entry. */
    static final String ANY = "*";
    /** Expressions walked per question: plenty for real modules, and a bound on pathological ones. */
    private static final int BUDGET = 20_000;
    private static final Set<String> META_ARGUMENTS =
            Set.of("source", "version", "count", "for_each", "providers", "depends_on");
    /** Functions whose result is (part of) one of their arguments, element for element. */
    private static final Set<String> PASS_THROUGH = Set.of("try", "coalesce", "coalescelist", "merge", "concat",
            "flatten", "compact", "distinct", "tolist", "toset", "tomap", "jsonencode", "jsondecode", "sensitive",
            "nonsensitive", "one", "reverse", "sort", "slice", "setunion", "values", "tostring", "tonumber", "tobool");

    /** A variable of a module, and where in its value the traced value is. */
    record VariableUse(String name, List<String> path) {
    }

    /** A module definition with its call path, so that its module calls can be followed. */
    record ModuleAt(ModuleDefinition def, String key) {
        String childKey(String call) {
            return key.isEmpty() ? call : key + "." + call;
        }
    }

    /**
     * A name bound while walking: its value is the element at {@code prefix} of {@code collection}, an expression
     * of the same module. An iterator ({@code each}, a dynamic block's) is read through {@code .value}.
     */
    record Binding(String name, Expression collection, List<String> prefix, Env env, boolean iterator) {
    }

    /** The names bound at a point of a module: an immutable chain. */
    static final class Env {
        static final Env EMPTY = new Env(null, null);
        private final Binding binding;
        private final Env outer;

        private Env(Binding binding, Env outer) {
            this.binding = binding;
            this.outer = outer;
        }

        Env bind(Binding b) {
            return new Env(b, this);
        }

        /** {@code each} bound to a block's {@code for_each}, when it has one. */
        Env withEach(Block block) {
            return block.body().attribute("for_each")
                    .map(a -> bind(new Binding("each", a.value(), List.of(ANY), this, true))).orElse(this);
        }

        Binding lookup(String name) {
            for (Env e = this; e.binding != null; e = e.outer) {
                if (e.binding.name().equals(name)) {
                    return e.binding;
                }
            }
            return null;
        }
    }

    private final BiFunction<ModuleAt, String, ModuleAt> children;
    private final Set<String> inProgress = new HashSet<>();
    private int budget = BUDGET;

    /** @param children the module a call of a module leads to, or null when its code is not at hand */
    ArgumentOrigins(BiFunction<ModuleAt, String, ModuleAt> children) {
        this.children = children;
    }

    /** The variables of {@code m} that the value of {@code e} at {@code path} comes from; empty when it cannot tell. */
    Optional<Set<VariableUse>> of(ModuleAt m, Expression e, List<String> path, Env env) {
        Set<VariableUse> out = new LinkedHashSet<>();
        walk(m, e, path, env, out);
        return budget > 0 ? Optional.of(out) : Optional.empty();
    }

    /**
     * The variables of {@code caller} that the given variables of the module called by {@code call} come from,
     * through the call's arguments; a variable the call does not set has its default, which comes from nowhere.
     */
    Optional<Set<VariableUse>> throughCall(ModuleAt caller, Block call, Set<VariableUse> uses) {
        Set<VariableUse> out = new LinkedHashSet<>();
        intoCaller(caller, call, uses, out);
        return budget > 0 ? Optional.of(out) : Optional.empty();
    }

    private void intoCaller(ModuleAt caller, Block call, Set<VariableUse> uses, Set<VariableUse> out) {
        Env env = Env.EMPTY.withEach(call);
        for (VariableUse use : uses) {
            if (META_ARGUMENTS.contains(use.name())) {
                continue;
            }
            Optional<Attribute> arg = call.body().attribute(use.name());
            if (arg.isPresent()) {
                walk(caller, arg.get().value(), use.path(), env, out);
            }
        }
    }

    private void walk(ModuleAt m, Expression e, List<String> path, Env env, Set<VariableUse> out) {
        if (--budget <= 0) {
            return;
        }
        if (e instanceof Expression.Parens p) {
            walk(m, p.inner(), path, env, out);
        } else if (e instanceof Expression.Variable v) {
            Binding b = env.lookup(v.name());
            if (b != null && !b.iterator()) {
                walk(m, b.collection(), concat(b.prefix(), path), b.env(), out);
            }
        } else if (e instanceof Expression.SplatItem) {
            Binding b = env.lookup(SPLAT_ITEM);
            if (b != null) {
                walk(m, b.collection(), concat(b.prefix(), path), b.env(), out);
            }
        } else if (e instanceof Expression.GetAttr g) {
            getAttr(m, g, path, env, out);
        } else if (e instanceof Expression.Index i) {
            walk(m, i.source(), prepend(literalKey(i.key()), path), env, out);
        } else if (e instanceof Expression.Splat s) {
            List<String> rest = path.isEmpty() ? path : path.subList(1, path.size());
            Env inner = env.bind(new Binding(SPLAT_ITEM, s.source(), List.of(ANY), env, false));
            walk(m, s.each(), rest, inner, out);
        } else if (e instanceof Expression.Tuple t) {
            int index = path.isEmpty() ? -1 : indexOf(path.get(0));
            List<String> rest = path.isEmpty() ? path : path.subList(1, path.size());
            for (int k = 0; k < t.elements().size(); k++) {
                if (index < 0 || index == k) {
                    walk(m, t.elements().get(k), rest, env, out);
                }
            }
        } else if (e instanceof Expression.ObjectCons o) {
            object(m, o, path, env, out);
        } else if (e instanceof Expression.FunctionCall f) {
            function(m, f, path, env, out);
        } else if (e instanceof Expression.Conditional c) {
            walk(m, c.then(), path, env, out);
            walk(m, c.otherwise(), path, env, out);
        } else if (e instanceof Expression.For f) {
            forExpression(m, f, path, env, out);
        } else if (e instanceof Expression.Binary b) {
            walk(m, b.left(), List.of(), env, out);
            walk(m, b.right(), List.of(), env, out);
        } else if (e instanceof Expression.Unary u) {
            walk(m, u.operand(), List.of(), env, out);
        } else if (e instanceof Expression.Template t) {
            if (t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Interpolation only) {
                walk(m, only.expression(), path, env, out);
            } else {
                template(m, t.parts(), env, out);
            }
        }
        // literals come from nowhere
    }

    /** A name no HCL identifier can take, for the splat's current element. */
    private static final String SPLAT_ITEM = "[*]";

    private void template(ModuleAt m, List<TemplatePart> parts, Env env, Set<VariableUse> out) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Interpolation i) {
                walk(m, i.expression(), List.of(), env, out);
            } else if (part instanceof TemplatePart.If d) {
                template(m, d.then(), env, out);
                template(m, d.otherwise(), env, out);
            } else if (part instanceof TemplatePart.For d) {
                Env inner = env.bind(new Binding(d.valueVar(), d.collection(), List.of(ANY), env, false));
                template(m, d.body(), inner, out);
            }
        }
    }

    private void getAttr(ModuleAt m, Expression.GetAttr g, List<String> path, Env env, Set<VariableUse> out) {
        if (g.source() instanceof Expression.Variable root) {
            Binding b = env.lookup(root.name());
            if (b != null) {
                if (b.iterator()) {
                    // each.value / it.value is the element; each.key / it.key only names it
                    if (g.name().equals("value")) {
                        walk(m, b.collection(), concat(b.prefix(), path), b.env(), out);
                    }
                } else {
                    walk(m, b.collection(), concat(b.prefix(), prepend(g.name(), path)), b.env(), out);
                }
                return;
            }
            switch (root.name()) {
                case "var":
                    out.add(new VariableUse(g.name(), List.copyOf(path)));
                    return;
                case "local":
                    local(m, g.name(), path, out);
                    return;
                case "module":
                    moduleOutput(m, g.name(), path, out);
                    return;
                case "count", "each", "path", "terraform", "self", "data":
                    // data sources are read through their own attributes (below); the rest hold no input
                    return;
                default:
                    resourceAttribute(m, "resource", root.name() + "." + g.name(), path, out);
                    return;
            }
        }
        if (g.source() instanceof Expression.GetAttr inner && inner.source() instanceof Expression.Variable root
                && root.name().equals("data") && env.lookup("data") == null) {
            resourceAttribute(m, "data", inner.name() + "." + g.name(), path, out);
            return;
        }
        walk(m, g.source(), prepend(g.name(), path), env, out);
    }

    private void local(ModuleAt m, String name, List<String> path, Set<VariableUse> out) {
        Attribute a = m.def().locals.get(name);
        String guard = System.identityHashCode(m.def()) + " local." + name + " " + path;
        if (a == null || !inProgress.add(guard)) {
            return;
        }
        try {
            walk(m, a.value(), path, Env.EMPTY, out);
        } finally {
            inProgress.remove(guard);
        }
    }

    /** {@code module.call.output...}: the output's value in the called module, back through the call's arguments. */
    private void moduleOutput(ModuleAt m, String call, List<String> path, Set<VariableUse> out) {
        Block block = m.def().moduleCalls.get(call);
        ModuleAt child = block == null ? null : children.apply(m, call);
        if (child == null) {
            return;
        }
        List<String> rest = path;
        if (!rest.isEmpty() && block.body().attribute("for_each").or(() -> block.body().attribute("count"))
                .isPresent()) {
            rest = rest.subList(1, rest.size()); // the instance key
        }
        List<String> outputs = new ArrayList<>();
        if (rest.isEmpty() || rest.get(0).equals(ANY)) {
            outputs.addAll(child.def().outputs.keySet());
        } else {
            outputs.add(rest.get(0));
        }
        List<String> inner = rest.isEmpty() ? rest : rest.subList(1, rest.size());
        Set<VariableUse> childUses = new LinkedHashSet<>();
        for (String output : outputs) {
            Block o = child.def().outputs.get(output);
            String guard = System.identityHashCode(child.def()) + " output." + output + " " + inner;
            if (o == null || o.body().attribute("value").isEmpty() || !inProgress.add(guard)) {
                continue;
            }
            try {
                walk(child, o.body().attribute("value").get().value(), inner, Env.EMPTY, childUses);
            } finally {
                inProgress.remove(guard);
            }
        }
        intoCaller(m, block, childUses, out);
    }

    /** An attribute of a resource or data source of this module: where it is written, if it is. */
    private void resourceAttribute(ModuleAt m, String mode, String address, List<String> path, Set<VariableUse> out) {
        Block block = (mode.equals("data") ? m.def().dataSources : m.def().resources).get(address);
        if (block == null) {
            return;
        }
        List<String> rest = path;
        if (!rest.isEmpty() && (rest.get(0).equals(ANY) || indexOf(rest.get(0)) >= 0
                || block.body().attribute("for_each").isPresent())) {
            rest = rest.subList(1, rest.size()); // the instance key
        }
        if (rest.isEmpty()) {
            return; // the whole resource object: its identity comes from AWS
        }
        Optional<Attribute> written = block.body().attribute(rest.get(0));
        String guard = System.identityHashCode(m.def()) + " " + mode + "." + address + " " + rest;
        if (written.isEmpty() || !inProgress.add(guard)) {
            return; // computed by the provider
        }
        try {
            walk(m, written.get().value(), rest.subList(1, rest.size()), Env.EMPTY.withEach(block), out);
        } finally {
            inProgress.remove(guard);
        }
    }

    private void object(ModuleAt m, Expression.ObjectCons o, List<String> path, Env env, Set<VariableUse> out) {
        String wanted = path.isEmpty() ? ANY : path.get(0);
        List<String> rest = path.isEmpty() ? path : path.subList(1, path.size());
        for (Expression.ObjectCons.Item item : o.items()) {
            // a computed key may be the one wanted
            String key = item.key() instanceof Expression.Template t ? t.literalText() : null;
            if (wanted.equals(ANY) || key == null || key.equals(wanted)) {
                walk(m, item.value(), rest, env, out);
            }
        }
    }

    private void function(ModuleAt m, Expression.FunctionCall f, List<String> path, Env env, Set<VariableUse> out) {
        String name = f.name().startsWith("core::") ? f.name().substring("core::".length()) : f.name();
        List<Expression> args = f.args();
        switch (name) {
            case "lookup":
                if (!args.isEmpty()) {
                    walk(m, args.get(0), prepend(ANY, path), env, out);
                }
                if (args.size() == 3) {
                    walk(m, args.get(2), path, env, out);
                }
                return;
            case "element":
                if (!args.isEmpty()) {
                    walk(m, args.get(0), prepend(ANY, path), env, out);
                }
                return;
            default:
                break;
        }
        // a list built from several lists shifts indexes: any element of the arguments may be the one
        List<String> argPath = PASS_THROUGH.contains(name) ? anyIndex(path) : List.of();
        for (Expression a : args) {
            walk(m, a, argPath, env, out);
        }
    }

    private void forExpression(ModuleAt m, Expression.For f, List<String> path, Env env, Set<VariableUse> out) {
        List<String> prefix = List.of(ANY);
        List<String> rest = path.isEmpty() ? path : path.subList(1, path.size());
        if (!path.isEmpty() && f.objectResult() && !f.grouping() && f.keyVar() != null
                && f.keyExpr() instanceof Expression.Variable k && k.name().equals(f.keyVar())) {
            prefix = List.of(path.get(0)); // {for k, v in m : k => ...}: entry k of the result is entry k of m
        }
        Env inner = env.bind(new Binding(f.valueVar(), f.collection(), prefix, env, false));
        walk(m, f.valueExpr(), rest, inner, out);
    }

    private static List<String> anyIndex(List<String> path) {
        return !path.isEmpty() && indexOf(path.get(0)) >= 0 ? prepend(ANY, path.subList(1, path.size())) : path;
    }

    private static int indexOf(String step) {
        if (step.isEmpty() || step.length() > 6) {
            return -1;
        }
        for (int i = 0; i < step.length(); i++) {
            if (!Character.isDigit(step.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(step);
    }

    private static String literalKey(Expression key) {
        if (key instanceof Expression.NumberLiteral n) {
            BigDecimal v = n.value();
            return v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0 ? v.toBigInteger().toString() : ANY;
        }
        if (key instanceof Expression.Template t && t.literalText() != null) {
            return t.literalText();
        }
        return ANY;
    }

    private static List<String> prepend(String step, List<String> path) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.add(step);
        out.addAll(path);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
