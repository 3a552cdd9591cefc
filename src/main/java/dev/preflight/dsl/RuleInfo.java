package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import java.util.List;

/**
 * What a rule is, for listings, docs and reports: stable kebab-case {@code id}, default severity, a title, the AWS
 * error (or cost) it prevents, a fix hint, the description generated from its DSL chain, the kinds it reads, and a
 * longer doc (markdown, with bad and good examples).
 */
public record RuleInfo(String id, Severity severity, String title, String prevents, String fixHint,
                       String description, List<Kind> kinds, String doc) {
    public RuleInfo {
        kinds = List.copyOf(kinds);
    }
}
