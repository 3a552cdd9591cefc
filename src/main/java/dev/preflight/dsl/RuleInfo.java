package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import java.util.List;

/**
 * What a rule is, for listings, docs and reports: stable kebab-case {@code id}, default severity, a title, the AWS
 * error (or cost) it prevents, a fix hint, the description generated from its DSL chain, the kinds it reads, a
 * longer doc (markdown, with bad and good examples), and the dated AWS tables it judges by.
 */
public record RuleInfo(String id, Severity severity, String title, String prevents, String fixHint,
                       String description, List<Kind> kinds, String doc, List<FactSource> facts) {
    public RuleInfo {
        kinds = List.copyOf(kinds);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A rule that judges by no dated table. */
    public RuleInfo(String id, Severity severity, String title, String prevents, String fixHint,
                    String description, List<Kind> kinds, String doc) {
        this(id, severity, title, prevents, fixHint, description, kinds, doc, List.of());
    }

    /** The same rule at another severity (a user's override). */
    public RuleInfo withSeverity(Severity newSeverity) {
        return new RuleInfo(id, newSeverity, title, prevents, fixHint, description, kinds, doc, facts);
    }
}
