package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import java.util.List;

/**
 * The resources reached from one resource by a {@link Traversal}, and whether that set is complete. It is incomplete
 * when some value on the way is unknown (a subnet id from a variable, an association whose subnet is computed):
 * then the true set may hold more, or other, resources, and a rule must not conclude from it.
 *
 * <pre>{@code
 * Related subnets = Traversal.follow("subnets").from(lb, graph);
 * if (subnets.complete() && subnets.resources().size() < 2) { ... }   // incomplete: stay silent
 * }</pre>
 */
public record Related(List<Resource> resources, String unknownReason) {
    public Related {
        resources = List.copyOf(resources);
    }

    /** A complete set. */
    public static Related exactly(List<Resource> resources) {
        return new Related(resources, null);
    }

    /** A set that may miss members, and why. */
    public static Related partly(List<Resource> resources, String why) {
        return new Related(resources, why);
    }

    /** True when no value on the way was unknown. */
    public boolean complete() {
        return unknownReason == null;
    }

    /** Whether no resource was reached. */
    public boolean isEmpty() {
        return resources.isEmpty();
    }
}
