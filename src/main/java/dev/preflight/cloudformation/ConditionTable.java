package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The template's {@code Conditions}, each evaluated once, on demand, over the parameter values of this scan.
 * A condition that depends on something unknown (a parameter without default, the region) is {@link Truth#UNKNOWN}.
 */
final class ConditionTable {
    private final Map<String, TemplateNode> definitions = new HashMap<>();
    private final Map<String, Truth> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final TemplateContext context;

    ConditionTable(Optional<TemplateNode> section, TemplateContext context) {
        this.context = context;
        if (section.isPresent() && section.get() instanceof MappingNode conditions) {
            conditions.entries().forEach(e -> definitions.put(e.key(), e.value()));
        }
    }

    /** The value of the condition named {@code name}, used at {@code useSite}. */
    Truth truth(String name, Span useSite) {
        Truth known = values.get(name);
        if (known != null) {
            return known;
        }
        TemplateNode definition = definitions.get(name);
        if (definition == null) {
            context.undefinedName(useSite, "condition '" + name + "' is not defined in Conditions");
            return Truth.UNKNOWN;
        }
        if (!evaluating.add(name)) {
            context.problem(useSite, "condition '" + name + "' depends on itself");
            return Truth.UNKNOWN;
        }
        Truth value = evaluate(definition);
        evaluating.remove(name);
        values.put(name, value);
        return value;
    }

    /**
     * Whether a resource or output exists, from its {@code Condition} key: {@link Truth#TRUE} without one, unknown
     * when the key is not a plain name.
     */
    Truth ofEntry(MappingNode body) {
        Optional<MappingNode.Entry> condition = body.entry("Condition");
        if (condition.isEmpty()) {
            return Truth.TRUE;
        }
        return condition.get().value() instanceof ScalarNode name
                ? truth(name.text(), name.span()) : Truth.UNKNOWN;
    }

    /** The value of a condition expression ({@code Fn::Equals}, {@code Fn::And}, ..., {@code Condition}). */
    Truth evaluate(TemplateNode node) {
        if (!(node instanceof FunctionNode f)) {
            return Truth.UNKNOWN;
        }
        List<TemplateNode> args = f.argument() instanceof SequenceNode s ? s.items() : List.of();
        switch (f.name()) {
            case "Condition": {
                Optional<String> name = Values.text(context.evaluator().evaluate(f.argument()));
                return name.map(n -> truth(n, f.span())).orElse(Truth.UNKNOWN);
            }
            case "Fn::Equals":
                return args.size() == 2 ? equal(args.get(0), args.get(1)) : malformed(f, "[value, value]");
            case "Fn::Not":
                return args.size() == 1 ? evaluate(args.get(0)).not() : malformed(f, "[condition]");
            case "Fn::And":
            case "Fn::Or": {
                if (args.isEmpty()) {
                    return malformed(f, "[condition, ...]");
                }
                boolean and = f.name().equals("Fn::And");
                Truth result = Truth.of(and);
                for (TemplateNode arg : args) {
                    Truth t = evaluate(arg);
                    if (t == Truth.of(!and)) {
                        return t;
                    }
                    if (t == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                return result;
            }
            default:
                return Truth.UNKNOWN;
        }
    }

    private Truth equal(TemplateNode left, TemplateNode right) {
        Value a = context.evaluator().evaluate(left);
        Value b = context.evaluator().evaluate(right);
        Optional<String> ta = Values.text(a);
        Optional<String> tb = Values.text(b);
        if (ta.isPresent() && tb.isPresent()) {
            return Truth.of(ta.get().equals(tb.get()));
        }
        // the same reference on both sides is equal whatever it turns out to be
        return Values.same(a, b) ? Truth.TRUE : Truth.UNKNOWN;
    }

    private Truth malformed(FunctionNode f, String expected) {
        context.problem(f.span(), f.name() + " expects " + expected);
        return Truth.UNKNOWN;
    }
}
