package dev.preflight.dsl;

import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * A check over the whole resource graph. Built-in rules (in {@code rules/}) and users' rules are found with
 * {@link java.util.ServiceLoader}; annotate an implementation with {@code @AutoService(Rule.class)}, or list it in
 * {@code META-INF/services/dev.preflight.dsl.Rule}, to register it. Most rules are a {@link RuleDefinition} written
 * with the DSL and registered through a {@link DslRule}:
 *
 * <pre>{@code
 * @AutoService(Rule.class)
 * public final class ServiceOwnerTag extends DslRule {
 *     public ServiceOwnerTag() {
 *         super(rule("acme-service-owner-tag")
 *                 .title("ECS service without an Owner tag")
 *                 .check(resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag("Owner"), "tags")))
 *                 .fix("Add an Owner tag."));
 *     }
 * }
 *
 * // in a test, ArchUnit's way:
 * rule.check(infrastructure);   // one AssertionError listing every violation as file:line:col message
 * }</pre>
 */
public interface Rule {
    RuleInfo info();

    /** The findings on {@code graph}; must stay silent where a value it needs is unknown. */
    List<Finding> check(ResourceGraph graph);

    /** The declared kinds the rule reads, whose renamed properties must be in place before it runs. */
    default List<DeclaredKind> declaredKinds() {
        return List.of();
    }

    /**
     * The violations of this rule in {@code infrastructure}: its findings that no suppression comment or Metadata
     * entry silences. A {@code FrozenRule} leaves out the violations it has recorded.
     */
    default List<Finding> evaluate(Infrastructure infrastructure) {
        return infrastructure.findings(this);
    }

    /**
     * Fails with one {@link AssertionError} listing every violation in {@code infrastructure} (and every input it
     * could not read) as {@code file:line:col message}; returns quietly when there is none.
     */
    default void check(Infrastructure infrastructure) {
        RuleSet.of(this).check(infrastructure);
    }
}
