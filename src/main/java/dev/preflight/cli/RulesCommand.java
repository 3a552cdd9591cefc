package dev.preflight.cli;

import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.graph.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code preflight rules}: a table of every rule, the built-in pack's then the engine's own. */
final class RulesCommand {
    private RulesCommand() {
    }

    /** The kinds a rule reads; "any" for rules over every resource, which would otherwise fill the screen. */
    static String kinds(RuleInfo r) {
        if (r.kinds().isEmpty()) {
            return "-";
        }
        if (r.kinds().containsAll(List.of(Kind.values()))) {
            return "any";
        }
        return r.kinds().stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /** The table, one rule a line, columns padded to the widest entry. */
    static String table(RuleRegistry registry) {
        List<RuleInfo> rules = new ArrayList<>();
        registry.rules().forEach(r -> rules.add(r.info()));
        rules.addAll(BuiltInRules.all());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "SEVERITY", "KINDS", "TITLE"});
        for (RuleInfo r : rules) {
            String kinds = kinds(r);
            rows.add(new String[] {r.id(), r.severity().label(), kinds, r.title()});
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
