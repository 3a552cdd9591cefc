package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import java.util.List;

/**
 * What a rule is, for listings, docs and reports: stable kebab-case {@code id}, default severity, a title, the AWS
 * error (or cost) it prevents, a fix hint, the description generated from its DSL chain, the built-in kinds it reads,
 * a longer doc (markdown, with bad and good examples), what it reads beyond built-in kinds ({@code customKinds}: the
 * names of {@linkplain DeclaredKind declared kinds}, or resource types selected as written), and the dated AWS
 * tables it judges by ({@code facts}).
 *
 * <pre>{@code
 * RuleInfo info = rule.info();
 * System.out.println(info.id() + " (" + info.severity().label() + "): " + info.title());
 * }</pre>
 */
public record RuleInfo(String id, Severity severity, String title, String prevents, String fixHint,
                       String description, List<Kind> kinds, String doc, List<String> customKinds,
                       List<FactSource> facts) {
    public RuleInfo {
        kinds = List.copyOf(kinds);
        customKinds = customKinds == null ? List.of() : List.copyOf(customKinds);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A rule that reads built-in kinds only and judges by no dated table. */
    public RuleInfo(String id, Severity severity, String title, String prevents, String fixHint,
                    String description, List<Kind> kinds, String doc) {
        this(id, severity, title, prevents, fixHint, description, kinds, doc, List.of(), List.of());
    }

    /** The same rule with another default severity (a user's override). */
    public RuleInfo withSeverity(Severity newSeverity) {
        return new RuleInfo(id, newSeverity, title, prevents, fixHint, description, kinds, doc, customKinds, facts);
    }

    /** Every kind the rule reads, for listings: the built-in ones' names, then the custom ones. */
    public List<String> kindNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Kind k : kinds) {
            names.add(k.name());
        }
        names.addAll(customKinds);
        return names;
    }
}
