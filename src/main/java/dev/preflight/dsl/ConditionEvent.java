package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.source.Span;

/**
 * What a condition found on one resource. A violation becomes a finding; {@code span} is the property at fault (the
 * resource's span when null), {@code propertyPath} and {@code value} identify the fault for baseline fingerprints.
 */
public record ConditionEvent(Outcome outcome, Resource resource, String message, Span span, String propertyPath,
                             String value) {

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
        return new ConditionEvent(flipped, resource, message, span, propertyPath, value);
    }

    /** Where a finding for this event points. */
    public Span where() {
        return span != null ? span : resource.span();
    }
}
