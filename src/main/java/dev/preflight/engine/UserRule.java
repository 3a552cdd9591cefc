package dev.preflight.engine;

import dev.preflight.dsl.DeclaredKind;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * A user's rule with where it came from (a rule jar or a rule file, as the user named it), so that listings and
 * error messages can say so. Otherwise it is the rule itself.
 */
public final class UserRule implements Rule {
    private final Rule rule;
    private final String origin;
    private final RuleInfo info;

    UserRule(Rule rule, String origin, RuleInfo info) {
        this.rule = rule;
        this.origin = origin;
        this.info = info;
    }

    /** The jar or rule file the rule came from, as named on the command line or in the config file. */
    public String origin() {
        return origin;
    }

    /** The rule as the user wrote it. */
    public Rule rule() {
        return rule;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<Finding> check(ResourceGraph graph) {
        return rule.check(graph);
    }

    @Override
    public List<DeclaredKind> declaredKinds() {
        return rule.declaredKinds();
    }

    @Override
    public String toString() {
        return info.id() + " (from " + origin + ")";
    }
}
