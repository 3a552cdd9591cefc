package dev.preflight.cli;

import dev.preflight.dsl.FactSource;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.UserRule;
import java.util.Optional;

/** {@code preflight explain RULE-ID}: the rule's metadata and its documentation. */
final class ExplainCommand {
    private ExplainCommand() {
    }

    /** What {@code explain} prints for rule {@code id}, from the pack, a user's jar or file, or the engine's own. */
    static Optional<String> explain(RuleRegistry registry, String id) {
        Optional<Rule> rule = registry.find(id);
        if (rule.isPresent()) {
            return Optional.of(explain(rule.get().info(),
                    rule.get() instanceof UserRule u ? u.origin() : null));
        }
        return BuiltInRules.all().stream().filter(r -> r.id().equals(id)).findFirst().map(r -> explain(r, null));
    }

    /** The text {@code explain} prints; {@code origin} is the jar or rule file of a user's rule, else null. */
    static String explain(RuleInfo r, String origin) {
        StringBuilder s = new StringBuilder();
        s.append(r.id()).append(": ").append(r.title()).append('\n');
        s.append("severity: ").append(r.severity().label()).append('\n');
        if (!r.kindNames().isEmpty()) {
            s.append("kinds:    ").append(RulesCommand.kinds(r)).append('\n');
        }
        appendIf(s, "from:     ", origin);
        appendIf(s, "prevents: ", r.prevents());
        appendIf(s, "checks:   ", r.description());
        appendIf(s, "fix:      ", r.fixHint());
        for (FactSource f : r.facts()) {
            // the date first: how fresh the facts are is what a user reading a dated rule needs to know
            s.append("facts:    ").append(f.subject()).append(", read ").append(f.read()).append(" from ")
                    .append(f.url()).append('\n');
        }
        if (r.doc() != null && !r.doc().isBlank()) {
            s.append('\n').append(r.doc().strip()).append('\n');
        }
        return s.toString();
    }

    private static void appendIf(StringBuilder s, String label, String text) {
        if (text != null && !text.isBlank()) {
            s.append(label).append(text).append('\n');
        }
    }
}
