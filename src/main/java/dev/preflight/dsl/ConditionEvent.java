package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.source.Span;
import java.util.List;

/**
 * What a condition found on one resource. A violation becomes a finding; {@code span} is the property at fault (the
 * resource's span when null), {@code propertyPath} and {@code value} identify the fault for baseline fingerprints; {@code evidence} the other places that explain it (see {@link Evidence}).
 *
 * <pre>{@code
 * for (ConditionEvent e : check.evaluate(graph).all()) {
 *     if (e.outcome() == ConditionEvent.Outcome.UNKNOWN) {
 *         System.out.println("silent on " + e.resource().address() + ": " + e.message());
 *     }
 * }
 * }</pre>
 */
public record ConditionEvent(Outcome outcome, Resource resource, String message, Span span, String propertyPath,
                             String value, List<Evidence> evidence) {
    public ConditionEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** An event with no evidence beyond its own location. */
    public ConditionEvent(Outcome outcome, Resource resource, String message, Span span, String propertyPath,
                          String value) {
        this(outcome, resource, message, span, propertyPath, value, List.of());
    }

    /** Violated: definitely wrong. Satisfied: definitely right. Unknown: depends on values not known before apply. */
    public enum Outcome {
        VIOLATED, SATISFIED, UNKNOWN
    }

    /** The same event with violated and satisfied swapped, for negated conditions. */
    public ConditionEvent inverted() {
        Outcome flipped = switch (outcome) {
            case VIOLATED -> Outcome.SATISFIED;
            case SATISFIED -> Outcome.VIOLATED;
            case UNKNOWN -> Outcome.UNKNOWN;
        };
        return new ConditionEvent(flipped, resource, message, span, propertyPath, value, evidence);
    }

    /** Where a finding for this event points. */
    public Span where() {
        return span != null ? span : resource.span();
    }
}
