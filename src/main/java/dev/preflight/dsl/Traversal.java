package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A described step through the graph from one resource to related ones, e.g. "the subnets of the service" or "the
 * endpoints of the VPC". Forward steps ({@link #follow}) follow a property's references; reverse steps
 * ({@link #referrers}) find the resources whose property refers back. Both say when their answer is incomplete
 * (see {@link Related}), and steps chain with {@link #andThen}.
 *
 * <pre>{@code
 * Traversal taskRole = Traversal.follow("task_definition").andThen(Traversal.follow("task_role_arn"));
 * Predicates.allRelated(taskRole, Predicates.have("permissions_boundary"));   // every ECS service's task role ...
 * Traversal.referrers(Kind.ECS_SERVICE, "cluster");                          // the services of a cluster
 * }</pre>
 */
public abstract class Traversal {
    private final String description;

    protected Traversal(String description) {
        this.description = description;
    }

    /**
     * A traversal from a description and a function. While a condition checks a resource, the resources it reaches
     * are recorded as that check's evidence (see {@link Evidence}).
     */
    public static Traversal of(String description, BiFunction<Resource, ResourceGraph, Related> step) {
        return new Traversal(description) {
            @Override
            public Related from(Resource resource, ResourceGraph graph) {
                Related related = step.apply(resource, graph);
                if (EvidenceRecorder.recording()) {
                    for (Resource reached : related.resources()) {
                        EvidenceRecorder.record(() -> Evidence.resource(reached,
                                reached.address() + " (" + description + " of " + resource.address() + ")"));
                    }
                }
                return related;
            }
        };
    }

    /** The resources related to {@code resource}. */
    public abstract Related from(Resource resource, ResourceGraph graph);

    public String description() {
        return description;
    }

    /**
     * Follow the references in the property at {@code path} (a single value or a list): {@code vpc_id} to the VPC,
     * {@code subnets} to the subnets. Incomplete when the property is unknown, or holds an unknown element or a
     * literal id (which names a resource outside the scan).
     */
    public static Traversal follow(String path) {
        return of("the resources referenced by " + path, (r, g) -> followValue(r.property(path), path, g));
    }

    /** Follow the references in an optional property value; an absent property reaches nothing. */
    public static Related followValue(Optional<Value> property, String path, ResourceGraph graph) {
        if (property.isEmpty() || property.get() instanceof Value.Null) {
            return Related.exactly(List.of());
        }
        List<Resource> out = new ArrayList<>();
        String missing = null;
        for (Value item : Values.elements(property.get())) {
            List<Resource> targets = Values.referencedResources(item, graph);
            if (targets.isEmpty()) {
                missing = path + " holds " + Values.show(item) + ", which is not a resource of this scan";
            }
            for (Resource t : targets) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return missing == null ? Related.exactly(out) : Related.partly(out, missing);
    }

    /**
     * The resources of {@code kind} whose property at {@code path} refers to the resource: the route table
     * associations of a subnet, the endpoints of a VPC. Incomplete when one of them has an unknown value there.
     */
    public static Traversal referrers(Kind kind, String path) {
        return referrers("the " + kind + " resources whose " + path + " refers to it", path,
                (g, target) -> g.resourcesRelatedTo(target, kind));
    }

    /** The resources of a declared kind whose property at {@code path} refers to the resource. */
    public static Traversal referrers(DeclaredKind kind, String path) {
        return referrers("the " + kind.name() + " resources whose " + path + " refers to it", path, (g, target) -> {
            List<Resource> all = new ArrayList<>();
            for (String type : kind.types()) {
                all.addAll(g.resourcesOfTypeRelatedTo(target, type));
            }
            return all;
        });
    }

    /** The resources of {@code type} (as written) whose property at {@code path} refers to the resource. */
    public static Traversal referrersOfType(String type, String path) {
        return referrers("the " + type + " resources whose " + path + " refers to it", path,
                (g, target) -> g.resourcesOfTypeRelatedTo(target, type));
    }

    /**
     * This step, then {@code next} from every resource it reached: "the task role of the task definition". The
     * answer is complete only when every step's is.
     */
    public Traversal andThen(Traversal next) {
        Traversal first = this;
        return of(next.description() + " of " + first.description(), (r, g) -> {
            Related step = first.from(r, g);
            List<Resource> out = new ArrayList<>();
            String unknown = step.unknownReason();
            for (Resource middle : step.resources()) {
                Related further = next.from(middle, g);
                for (Resource t : further.resources()) {
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
                if (unknown == null) {
                    unknown = further.unknownReason();
                }
            }
            return unknown == null ? Related.exactly(out) : Related.partly(out, unknown);
        });
    }

    private static Traversal referrers(String description, String path,
                                       BiFunction<ResourceGraph, Resource, List<Resource>> candidates) {
        return of(description, (target, g) -> {
            List<Resource> out = new ArrayList<>();
            String unknown = null;
            // another root module or template is another deployment: it can never refer to this resource, and
            // its unknown values must not make this answer unknown; unless it imports the resource
            for (Resource candidate : candidates.apply(g, target)) {
                Optional<Value> v = candidate.property(path);
                if (v.isEmpty()) {
                    continue;
                }
                Truth refers = Truth.FALSE;
                for (Value item : Values.elements(v.get())) {
                    refers = refers.or(Values.refersTo(item, target, g));
                }
                if (refers.isTrue()) {
                    out.add(candidate);
                } else if (refers == Truth.UNKNOWN) {
                    unknown = candidate.address() + "." + path + " is not known";
                }
            }
            return unknown == null ? Related.exactly(out) : Related.partly(out, unknown);
        });
    }

    @Override
    public String toString() {
        return description;
    }
}
