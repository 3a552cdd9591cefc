package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code preflight explain RULE-ID}: the rule's metadata and its documentation. */
final class ExplainCommand {
    private ExplainCommand() {
    }

    /** The rule called {@code id}, from the pack or the engine's own. */
    static Optional<RuleInfo> find(RuleRegistry registry, String id) {
        Optional<RuleInfo> fromPack = registry.find(id).map(Rule::info);
        return fromPack.isPresent() ? fromPack
                : BuiltInRules.all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every rule a user may name: the pack's, then the engine's own. */
    static List<RuleInfo> all(RuleRegistry registry) {
        List<RuleInfo> all = new ArrayList<>();
        for (Rule r : registry.rules()) {
            all.add(r.info());
        }
        all.addAll(BuiltInRules.all());
        return all;
    }

    /** The text {@code explain} prints. */
    static String explain(RuleInfo r) {
        StringBuilder s = new StringBuilder();
        s.append(r.id()).append(": ").append(r.title()).append('\n');
        s.append("severity: ").append(r.severity().label()).append('\n');
        if (!r.kinds().isEmpty()) {
            s.append("kinds:    ").append(RulesCommand.kinds(r)).append('\n');
        }
        appendIf(s, "prevents: ", r.prevents());
        appendIf(s, "checks:   ", r.description());
        appendIf(s, "fix:      ", r.fixHint());
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
