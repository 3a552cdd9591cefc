package dev.preflight.dsl;

import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * A rule that is another rule with something added: the base of decorators such as a frozen rule, which keeps the
 * rule's id, description and findings and changes only how a test judges them.
 *
 * <pre>{@code
 * final class Logged extends ForwardingRule {
 *     Logged(Rule rule) {
 *         super(rule);
 *     }
 *
 *     @Override
 *     public List<Finding> check(ResourceGraph graph) {
 *         List<Finding> found = super.check(graph);
 *         System.out.println(info().id() + ": " + found.size());
 *         return found;
 *     }
 * }
 * }</pre>
 */
public abstract class ForwardingRule implements Rule {
    private final Rule rule;

    protected ForwardingRule(Rule rule) {
        this.rule = rule;
    }

    /** The rule this one forwards to. */
    protected Rule delegate() {
        return rule;
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public List<Finding> check(ResourceGraph graph) {
        return rule.check(graph);
    }

    @Override
    public List<DeclaredKind> declaredKinds() {
        return rule.declaredKinds();
    }
}
