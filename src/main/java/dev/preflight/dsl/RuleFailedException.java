package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import java.util.List;

/**
 * Thrown by {@link RuleDefinition#check} when the rule's own code failed on some resources (a bug, or a value shape
 * it did not expect). It carries the findings on every other resource, so that nothing the rule did find is lost,
 * and the resources it could not judge. The engine reports each failure as a {@code rule-error} at the resource and
 * fails the scan with exit code 2: a gate must not pass because a rule could not look.
 *
 * <pre>{@code
 * try {
 *     findings.addAll(rule.check(graph));
 * } catch (RuleFailedException e) {
 *     findings.addAll(e.findings());
 *     e.failures().forEach(f -> report(f.resource(), f.error()));
 * }
 * }</pre>
 */
public final class RuleFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The rule's code threw {@code error} while judging {@code resource}. */
    public record Failure(Resource resource, RuntimeException error) {
    }

    private final transient List<Finding> findings;
    private final transient List<Failure> failures;

    public RuleFailedException(String ruleId, List<Finding> findings, List<Failure> failures) {
        super("rule " + ruleId + " failed on " + failures.size() + " resource(s)", null, false, false);
        this.findings = List.copyOf(findings);
        this.failures = List.copyOf(failures);
    }

    /** What the rule found on the resources it could judge. */
    public List<Finding> findings() {
        return findings;
    }

    /** The resources it could not judge, each with the error. */
    public List<Failure> failures() {
        return failures;
    }
}
