package dev.preflight.dsl;

import dev.preflight.dsl.ConditionEvent.Outcome;
import dev.preflight.graph.Resource;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The events a condition reports while it checks resources; conditions add to it instead of returning booleans. */
public final class ConditionEvents {
    private final List<ConditionEvent> events = new ArrayList<>();

    /** Record an event built elsewhere. */
    public void add(ConditionEvent event) {
        events.add(event);
    }

    /** {@code resource} is definitely wrong at {@code span} (the property at fault). */
    public void violated(Resource resource, String message, Span span, String propertyPath, String value) {
        add(new ConditionEvent(Outcome.VIOLATED, resource, message, span, propertyPath, value));
    }

    /** A violation with the other places that explain it (joined resources, where a deciding value came from). */
    public void violated(Resource resource, String message, Span span, String propertyPath, String value,
                         List<Evidence> evidence) {
        add(new ConditionEvent(Outcome.VIOLATED, resource, message, span, propertyPath, value, evidence));
    }

    /** {@code resource} definitely meets the condition; the message says why (it becomes the violation if negated). */
    public void satisfied(Resource resource, String message, Span span, String propertyPath, String value) {
        add(new ConditionEvent(Outcome.SATISFIED, resource, message, span, propertyPath, value));
    }

    /** {@code resource} cannot be judged before apply; the message says which value is unknown. */
    public void unknown(Resource resource, String message) {
        add(new ConditionEvent(Outcome.UNKNOWN, resource, message, null, null, null));
    }

    /** How many events have been reported so far. */
    int size() {
        return events.size();
    }

    /** Gives {@code evidence} to the violations reported since {@code from} that came without evidence of their own. */
    void explainSince(int from, List<Supplier<Evidence>> used) {
        if (used.isEmpty()) {
            return;
        }
        List<Evidence> evidence = null;
        for (int i = from; i < events.size(); i++) {
            ConditionEvent e = events.get(i);
            if (e.outcome() == Outcome.VIOLATED && e.evidence().isEmpty()) {
                evidence = evidence == null ? EvidenceRecorder.build(used) : evidence;
                events.set(i, new ConditionEvent(e.outcome(), e.resource(), e.message(), e.span(), e.propertyPath(),
                        e.value(), evidence));
            }
        }
    }

    /** Every event, in the order reported. */
    public List<ConditionEvent> all() {
        return List.copyOf(events);
    }

    /** Only the violations: what becomes findings. */
    public List<ConditionEvent> violations() {
        return events.stream().filter(e -> e.outcome() == Outcome.VIOLATED).toList();
    }

    /** Whether any event is a violation. */
    public boolean hasViolation() {
        return events.stream().anyMatch(e -> e.outcome() == Outcome.VIOLATED);
    }
}
