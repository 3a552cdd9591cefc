package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * A described assertion on the selected resources, reporting {@link ConditionEvents} rather than a boolean. The
 * description reads as the tail of "should ...", e.g. {@code "have subnets in at least 2 availability zones"}.
 * {@link #init} and {@link #finish} let a condition see all selected resources at once (cross-resource rules).
 *
 * <pre>{@code
 * ResourceCondition retained = ResourceCondition.of("keep logs for 30 days", (group, graph, events) -> {
 *     Truth ok = PropertyValue.of(group, "retention_in_days", graph).isBetween(BigDecimal.valueOf(30), null);
 *     ...   // events.violated / satisfied / unknown; or use Conditions.match(predicate, path)
 * });
 * }</pre>
 */
public abstract class ResourceCondition {
    /** The function behind {@link #of}: check one resource, report into the events. */
    @FunctionalInterface
    public interface Check {
        void check(Resource resource, ResourceGraph graph, ConditionEvents events);
    }

    private final String description;

    protected ResourceCondition(String description) {
        this.description = description;
    }

    /** A condition from a description and a check function; the shortest way to a custom condition. */
    public static ResourceCondition of(String description, Check check) {
        return new ResourceCondition(description) {
            @Override
            public void check(Resource resource, ResourceGraph graph, ConditionEvents events) {
                check.check(resource, graph, events);
            }
        };
    }

    /** Called once with every selected resource before the first {@link #check}. */
    public void init(List<Resource> selected, ResourceGraph graph) {
    }

    /** Check one selected resource. */
    public abstract void check(Resource resource, ResourceGraph graph, ConditionEvents events);

    /** Called once after the last {@link #check}, for conditions that judge the selection as a whole. */
    public void finish(ResourceGraph graph, ConditionEvents events) {
    }

    /** The text that follows "should". */
    public String description() {
        return description;
    }

    /** The same check under another description. */
    public ResourceCondition as(String newDescription) {
        ResourceCondition self = this;
        return new ResourceCondition(newDescription) {
            @Override
            public void init(List<Resource> selected, ResourceGraph graph) {
                self.init(selected, graph);
            }

            @Override
            public void check(Resource resource, ResourceGraph graph, ConditionEvents events) {
                self.check(resource, graph, events);
            }

            @Override
            public void finish(ResourceGraph graph, ConditionEvents events) {
                self.finish(graph, events);
            }
        };
    }

    /** Both conditions; each reports its own events. */
    public ResourceCondition and(ResourceCondition other) {
        ResourceCondition self = this;
        return new ResourceCondition(description + " and " + other.description()) {
            @Override
            public void init(List<Resource> selected, ResourceGraph graph) {
                self.init(selected, graph);
                other.init(selected, graph);
            }

            @Override
            public void check(Resource resource, ResourceGraph graph, ConditionEvents events) {
                self.check(resource, graph, events);
                other.check(resource, graph, events);
            }

            @Override
            public void finish(ResourceGraph graph, ConditionEvents events) {
                self.finish(graph, events);
                other.finish(graph, events);
            }
        };
    }

    /** The negation: violations and satisfactions swap, unknowns stay unknown. */
    public static ResourceCondition never(ResourceCondition condition) {
        return new ResourceCondition("not " + condition.description()) {
            @Override
            public void init(List<Resource> selected, ResourceGraph graph) {
                condition.init(selected, graph);
            }

            @Override
            public void check(Resource resource, ResourceGraph graph, ConditionEvents events) {
                ConditionEvents inner = new ConditionEvents();
                condition.check(resource, graph, inner);
                inner.all().forEach(e -> events.add(e.inverted()));
            }

            @Override
            public void finish(ResourceGraph graph, ConditionEvents events) {
                ConditionEvents inner = new ConditionEvents();
                condition.finish(graph, inner);
                inner.all().forEach(e -> events.add(e.inverted()));
            }
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
