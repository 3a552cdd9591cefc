package dev.preflight.engine;

import dev.preflight.dsl.ForwardingRule;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;

/**
 * A user's rule with where it came from (a rule jar or a rule file, as the user named it), so that listings and
 * error messages can say so. Otherwise it is the rule itself.
 */
public final class UserRule extends ForwardingRule {
    private final String origin;
    private final RuleInfo info;

    UserRule(Rule rule, String origin, RuleInfo info) {
        super(rule);
        this.origin = origin;
        this.info = info;
    }

    /** The jar or rule file the rule came from, as named on the command line or in the config file. */
    public String origin() {
        return origin;
    }

    /** The rule as the user wrote it. */
    public Rule rule() {
        return delegate();
    }

    /** Asked once when the rule was loaded, and checked then. */
    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return info.id() + " (from " + origin + ")";
    }
}
