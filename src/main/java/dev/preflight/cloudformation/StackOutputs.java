package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded template's {@code Outputs}, evaluated on demand: by a parent stack's {@code !GetAtt Child.Outputs.X} and
 * by another template's {@code Fn::ImportValue} of an exported name. A value is placed at the site that reads it.
 */
final class StackOutputs {
    private final TemplateContext context;
    private final Map<String, Value> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    StackOutputs(TemplateContext context) {
        this.context = context;
    }

    private Optional<MappingNode> section() {
        return context.section("Outputs").flatMap(s -> s instanceof MappingNode m ? Optional.of(m) : Optional.empty());
    }

    /** True when the template has an Outputs mapping (so an output it lacks is really missing). */
    boolean isSection() {
        return section().isPresent();
    }

    boolean defines(String name) {
        return section().flatMap(s -> s.get(name)).isPresent();
    }

    /** The value of output {@code name}, placed at {@code useSite}. */
    Value value(String name, Span useSite) {
        Value known = values.get(name);
        if (known == null) {
            if (!evaluating.add(name)) {
                return new Value.Unknown("output " + name + " of " + context.file().displayPath()
                        + " depends on itself", useSite);
            }
            try {
                known = evaluate(name);
            } finally {
                evaluating.remove(name);
            }
            if (context.exports().ready()) {
                values.put(name, known);
            }
        }
        return Relocated.at(known, useSite);
    }

    private Value evaluate(String name) {
        Optional<MappingNode> output = section().flatMap(s -> s.get(name))
                .flatMap(o -> o instanceof MappingNode m ? Optional.of(m) : Optional.empty());
        String where = "output " + name + " of " + context.file().displayPath();
        if (output.isEmpty()) {
            return new Value.Unknown(where + " is not defined", null);
        }
        if (context.conditions().ofEntry(output.get()) == Truth.FALSE) {
            return new Value.Unknown(where + " does not exist: its condition is false", null);
        }
        Optional<TemplateNode> value = output.get().get("Value");
        return value.isEmpty() ? new Value.Unknown(where + " has no Value", null)
                : context.evaluator().evaluate(value.get());
    }

    /**
     * The names this template exports ({@code Outputs.X.Export.Name}) that are known, to the output that exports
     * each; outputs whose condition is false export nothing.
     */
    Map<String, String> exportedNames() {
        Map<String, String> names = new LinkedHashMap<>();
        if (section().isEmpty()) {
            return names;
        }
        for (MappingNode.Entry e : section().get().entries()) {
            if (!(e.value() instanceof MappingNode output)
                    || !(output.get("Export").orElse(null) instanceof MappingNode export)
                    || context.conditions().ofEntry(output) == Truth.FALSE) {
                continue;
            }
            Optional<TemplateNode> name = export.get("Name");
            if (name.isPresent()) {
                Values.text(context.evaluator().evaluate(name.get())).ifPresent(n -> names.put(n, e.key()));
            }
        }
        return names;
    }
}
