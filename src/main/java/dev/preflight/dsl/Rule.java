package dev.preflight.dsl;

import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * A check over the whole resource graph. Built-in rules (in {@code rules/}) and users' rules are found with
 * {@link java.util.ServiceLoader}; annotate an implementation with {@code @AutoService(Rule.class)} to register it.
 */
public interface Rule {
    RuleInfo info();

    /** The findings on {@code graph}; must stay silent where a value it needs is unknown. */
    List<Finding> check(ResourceGraph graph);
}
