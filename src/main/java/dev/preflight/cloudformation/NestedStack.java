package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.Optional;

/**
 * A nested stack whose template is a local file, seen from its parent: what the parent passes to the child's
 * parameters (its {@code Parameters} property, evaluated in the parent when the child first needs it), and the
 * child's outputs, which the parent reads with {@code !GetAtt Child.Outputs.X}.
 */
final class NestedStack implements ParameterBindings {
    private final TemplateContext parent;
    private final String logicalId;
    private final MappingNode body;
    /** The loaded child; null while it is being set up, or when its template could not be loaded. */
    private TemplateContext child;
    private Value passed;
    private boolean evaluating;

    NestedStack(TemplateContext parent, String logicalId, MappingNode body) {
        this.parent = parent;
        this.logicalId = logicalId;
        this.body = body;
    }

    void attach(TemplateContext loaded) {
        this.child = loaded;
    }

    @Override
    public Optional<Value> passed(String name) {
        Value all = parameters();
        if (all instanceof Value.MapValue map) {
            // AWS::NoValue passes nothing: the parameter keeps its default
            return Optional.ofNullable(map.entries().get(name)).filter(v -> !(v instanceof Value.Null));
        }
        if (all instanceof Value.Null) {
            return Optional.empty();
        }
        return Optional.of(all instanceof Value.Unknown ? all
                : new Value.Unknown("the Parameters of nested stack " + logicalId + " are not a mapping", all.span()));
    }

    /** The parent's {@code Parameters} for the child, evaluated once the scan's exports are known. */
    private Value parameters() {
        if (passed != null) {
            return passed;
        }
        Optional<TemplateNode> node = body.get("Properties")
                .flatMap(p -> p instanceof MappingNode properties ? properties.get("Parameters") : Optional.empty());
        if (node.isEmpty()) {
            return new Value.Null(body.span());
        }
        if (evaluating) {
            return new Value.Unknown("the parameters of nested stack " + logicalId + " depend on its own outputs",
                    node.get().span());
        }
        evaluating = true;
        try {
            Value value = parent.evaluator().evaluate(node.get());
            // before the exports are indexed an import reads as unknown: such a value is not kept
            if (parent.exports().ready()) {
                passed = value;
            }
            return value;
        } finally {
            evaluating = false;
        }
    }

    /** The child's output {@code name} at {@code useSite} in the parent. */
    Value output(String name, Span useSite) {
        if (child == null) {
            return new Value.Unknown("output " + name + " of nested stack " + logicalId
                    + " is not known: its template could not be loaded", useSite);
        }
        return child.outputs().value(name, useSite);
    }

    /** True when the child is loaded and does not define output {@code name}: the parent's GetAtt is an error. */
    boolean lacksOutput(String name) {
        return child != null && !child.isTransformed() && child.outputs().isSection() && !child.outputs().defines(name);
    }

    String childFile() {
        return child == null ? "?" : child.file().displayPath();
    }
}
