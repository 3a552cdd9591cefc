package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Map;

/**
 * A selection and what it should meet: the body of a rule. Its description is generated from the chain
 * ("resources of kind ROUTE that route IPv6 traffic to a NAT gateway should ..."), plus the rationale from
 * {@link #because}.
 *
 * <pre>{@code
 * ResourceCheck check = resources(Kind.ECS_SERVICE)
 *         .should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY))
 *         .because("the on-call team is found by the Owner tag");
 * }</pre>
 */
public final class ResourceCheck {
    private final ResourceSelection selection;
    private final ResourceCondition condition;
    private final String rationale;

    ResourceCheck(ResourceSelection selection, ResourceCondition condition, String rationale) {
        this.selection = selection;
        this.condition = condition;
        this.rationale = rationale;
    }

    /** Also require {@code other}; both report their own events. */
    public ResourceCheck andShould(ResourceCondition other) {
        return new ResourceCheck(selection, condition.and(other), rationale);
    }

    /** The reason the rule exists, appended to the description. */
    public ResourceCheck because(String reason) {
        return new ResourceCheck(selection, condition, reason);
    }

    public ResourceSelection selection() {
        return selection;
    }

    /** The whole sentence: selection, "should", condition, and the rationale if any. */
    public String description() {
        String text = selection.description() + " should " + condition.description();
        return rationale == null ? text : text + ", because " + rationale;
    }

    /**
     * Run the check over {@code graph}: every event of every selected resource. A violation reported without
     * evidence gets what its check used: the resources its traversals reached, the attributes it read. A predicate
     * or condition that throws on one resource does not stop the others: the resource is recorded in
     * {@link ConditionEvents#failures()} (the rule failed there; that is not "unknown", which is about values) and
     * the check goes on.
     */
    public ConditionEvents evaluate(ResourceGraph graph) {
        Map<Resource, RuntimeException> failed = new LinkedHashMap<>();
        List<Resource> selected = selection.select(graph, failed);
        ConditionEvents events = new ConditionEvents();
        failed.forEach(events::failed);
        condition.init(selected, graph);
        for (Resource r : selected) {
            int before = events.size();
            try {
                List<Supplier<Evidence>> used = EvidenceRecorder.during(() -> condition.check(r, graph, events));
                events.explainSince(before, used);
            } catch (RuntimeException e) {
                events.failed(r, e);
            }
        }
        condition.finish(graph, events);
        return events;
    }

    @Override
    public String toString() {
        return description();
    }
}
