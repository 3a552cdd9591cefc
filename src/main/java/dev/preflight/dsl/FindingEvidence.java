package dev.preflight.dsl;

import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence a violation becomes a finding with: what the condition gave (or what its check used), then where the
 * value of the property at fault came from when it was not written there. Each place is listed once per role; a
 * place may be the finding's own line (the instances of a counted resource share their lines, and the message says
 * which instance).
 */
final class FindingEvidence {
    private FindingEvidence() {
    }

    static List<Evidence> of(ConditionEvent event) {
        List<Evidence> out = new ArrayList<>(event.evidence());
        if (event.propertyPath() != null) {
            out.addAll(Evidence.valueSources(way(event), event.span()));
        }
        return distinct(out);
    }

    /**
     * Each piece once, in order. Keyed by text rather than by the records' equals, which is bound through
     * invokedynamic on its first call: a start-up cost for every run that reports a finding.
     */
    static List<Evidence> distinct(List<Evidence> evidence) {
        List<Evidence> kept = new ArrayList<>();
        Set<String> places = new HashSet<>();
        for (Evidence e : evidence) {
            if (places.add(e.role().name() + " " + e.span() + " " + e.message())) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static List<Value> way(ConditionEvent event) {
        try {
            return PropertyPaths.way(event.resource(), event.propertyPath());
        } catch (RuntimeException e) {
            // a path a rule wrote for its fingerprint only (not a property path) explains nothing
            return List.of();
        }
    }
}
