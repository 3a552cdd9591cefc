package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.function.BiFunction;

/**
 * A described, three-valued test on a resource, used to select the resources a rule looks at. The description reads
 * as the tail of "resources that ...", e.g. {@code "are application load balancers"}. It may look at the whole graph.
 *
 * <pre>{@code
 * ResourcePredicate onFargate = ResourcePredicate.of("run on Fargate",
 *         (service, graph) -> PropertyValue.of(service, "launch_type", graph).isOneOf(List.of("FARGATE")));
 * resources(Kind.ECS_SERVICE).that(onFargate).should(...);
 * }</pre>
 */
public abstract class ResourcePredicate {
    private final String description;

    protected ResourcePredicate(String description) {
        this.description = description;
    }

    /** A predicate from a description and a function; the shortest way to a custom predicate. */
    public static ResourcePredicate of(String description, BiFunction<Resource, ResourceGraph, Truth> test) {
        return new ResourcePredicate(description) {
            @Override
            public Truth test(Resource resource, ResourceGraph graph) {
                return test.apply(resource, graph);
            }
        };
    }

    /** Whether {@code resource} has the property this predicate describes. */
    public abstract Truth test(Resource resource, ResourceGraph graph);

    /** The text that follows "resources that". */
    public String description() {
        return description;
    }

    /** The same test under another description. */
    public ResourcePredicate as(String newDescription) {
        ResourcePredicate self = this;
        return of(newDescription, self::test);
    }

    /** Both this and {@code other} (three-valued). */
    public ResourcePredicate and(ResourcePredicate other) {
        ResourcePredicate self = this;
        return of(description + " and " + other.description(), (r, g) -> self.test(r, g).and(other.test(r, g)));
    }

    /** This or {@code other} (three-valued). */
    public ResourcePredicate or(ResourcePredicate other) {
        ResourcePredicate self = this;
        return of(description + " or " + other.description(), (r, g) -> self.test(r, g).or(other.test(r, g)));
    }

    /** The negation; an unknown answer stays unknown. */
    public static ResourcePredicate not(ResourcePredicate predicate) {
        return of("not " + predicate.description(), (r, g) -> predicate.test(r, g).not());
    }

    @Override
    public String toString() {
        return description;
    }
}
