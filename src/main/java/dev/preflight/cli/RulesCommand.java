package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.UserRule;
import dev.preflight.graph.Kind;
import java.util.ArrayList;
import java.util.List;

/** {@code preflight rules}: a table of every rule, the built-in pack's then the engine's own. */
final class RulesCommand {
    private RulesCommand() {
    }

    /** The kinds a rule reads; "any" for rules over every resource, which would otherwise fill the screen. */
    static String kinds(RuleInfo r) {
        if (r.kinds().containsAll(List.of(Kind.values()))) {
            return "any";
        }
        return r.kindNames().isEmpty() ? "-" : String.join(",", r.kindNames());
    }

    /**
     * The table, one rule a line, columns padded to the widest entry. Users' rules end their title with the jar or
     * rule file they come from, so that the built-in listing is unchanged.
     */
    static String table(RuleRegistry registry) {
        List<RuleInfo> rules = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (Rule r : registry.rules()) {
            rules.add(r.info());
            origins.add(r instanceof UserRule u ? u.origin() : null);
        }
        for (RuleInfo r : BuiltInRules.all()) {
            rules.add(r);
            origins.add(null);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "SEVERITY", "KINDS", "TITLE"});
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            String title = origins.get(i) == null ? r.title() : r.title() + "  [from " + origins.get(i) + "]";
            rows.add(new String[] {r.id(), r.severity().label(), kinds(r), title});
        }
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                s.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            s.append(row[3]).append('\n');
        }
        return s.toString();
    }
}
