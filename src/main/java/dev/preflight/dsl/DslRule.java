package dev.preflight.dsl;

import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * Base class for rules registered with {@code @AutoService(Rule.class)}: ServiceLoader needs a class with a no-arg
 * constructor, so a rule class hands its {@link RuleDefinition} to this constructor and is otherwise just that value.
 *
 * <pre>{@code
 * @AutoService(Rule.class)
 * public final class BucketNamePrefix extends DslRule {
 *     public BucketNamePrefix() {
 *         super(rule("acme-bucket-name-prefix").check(...).fix("..."));
 *     }
 * }
 * }</pre>
 */
public abstract class DslRule implements Rule {
    private final RuleDefinition definition;

    protected DslRule(RuleDefinition definition) {
        this.definition = definition;
    }

    /** The rule as written with the DSL. */
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public RuleInfo info() {
        return definition.info();
    }

    @Override
    public List<Finding> check(ResourceGraph graph) {
        return definition.check(graph);
    }

    @Override
    public List<DeclaredKind> declaredKinds() {
        return definition.declaredKinds();
    }
}
