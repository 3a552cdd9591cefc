package dev.preflight.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All resources of a scan, with indexes by id, by kind, by scope (root module or template) and kind, and by edge in
 * both directions, so that a rule that crosses resources costs O(resources) and "who references me" is as cheap as
 * "whom do I reference". A resource relates to resources of its own scope (another scope is another deployment),
 * so rules look for related resources there ({@link #resourcesRelatedTo}): looking through the whole scan made a
 * monorepo's scan quadratic. The exception is a resource another scope refers to (a stack imports what another
 * exports): anything in the scan may relate to it. Immutable once built.
 *
 * <pre>{@code
 * for (Resource service : graph.resources(Kind.ECS_SERVICE)) {
 *     List<Resource> buckets = graph.resourcesOfType("aws_s3_bucket", service.id().scope());
 * }
 * }</pre>
 */
public final class ResourceGraph {
    private final List<Resource> resources;
    private final Map<ResourceId, Resource> byId = new HashMap<>();
    /** Instances of a counted resource by the address without the index: {@code aws_subnet.a} to its instances. */
    private final Map<ResourceId, List<Resource>> instancesByBase = new HashMap<>();
    private final Map<Kind, List<Resource>> byKind = new EnumMap<>(Kind.class);
    private final Map<String, List<Resource>> byScope = new HashMap<>();
    private final Map<String, Map<Kind, List<Resource>>> byScopeAndKind = new HashMap<>();
    private final Map<Resource, List<Edge>> outgoing = new IdentityHashMap<>();
    private final Map<Resource, List<Edge>> incoming = new IdentityHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    /**
     * Resources by type, and by scope and type: built on first use, since only rules that select by type (users'
     * rules) ask, and a scan without them should not pay for the index.
     */
    private volatile TypeIndex typeIndex;

    private record TypeIndex(Map<String, List<Resource>> byType, Map<String, Map<String, List<Resource>>> byScope) {
    }

    public ResourceGraph(List<Resource> resources) {
        List<Resource> sorted = new ArrayList<>(resources);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        this.resources = Collections.unmodifiableList(sorted);
        for (Resource r : sorted) {
            byId.put(r.id(), r);
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
            byScope.computeIfAbsent(r.id().scope(), k -> new ArrayList<>()).add(r);
            byScopeAndKind.computeIfAbsent(r.id().scope(), k -> new EnumMap<>(Kind.class))
                    .computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
            ResourceId base = baseOf(r.id());
            if (base != null) {
                instancesByBase.computeIfAbsent(base, k -> new ArrayList<>()).add(r);
            }
        }
        for (Resource r : sorted) {
            collectEdges(r, "", r.properties());
        }
    }

    /** {@code aws_subnet.a[0]} to {@code aws_subnet.a}; null when the address has no instance key at the end. */
    private static ResourceId baseOf(ResourceId id) {
        String a = id.address();
        if (!a.endsWith("]")) {
            return null;
        }
        int open = a.lastIndexOf('[');
        return open > 0 ? new ResourceId(id.scope(), a.substring(0, open)) : null;
    }

    private void collectEdges(Resource from, String path, Value value) {
        if (value instanceof Value.Ref ref) {
            for (Resource to : targets(ref)) {
                if (to == from) {
                    continue;
                }
                Edge e = new Edge(from, path, to, ref.attributeName());
                edges.add(e);
                outgoing.computeIfAbsent(from, k -> new ArrayList<>()).add(e);
                incoming.computeIfAbsent(to, k -> new ArrayList<>()).add(e);
            }
        } else if (value instanceof Value.ListValue list) {
            for (int i = 0; i < list.items().size(); i++) {
                collectEdges(from, path + "[" + i + "]", list.items().get(i));
            }
        } else if (value instanceof Value.MapValue map) {
            for (Map.Entry<String, Value> e : map.entries().entrySet()) {
                collectEdges(from, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
            }
        } else if (value instanceof Value.Template t) {
            for (Value part : t.parts()) {
                collectEdges(from, path, part);
            }
        }
    }

    public List<Resource> resources() {
        return resources;
    }

    public List<Resource> resources(Kind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The resources of {@code scope} (a root module's directory or a template's path), in the graph's order. */
    public List<Resource> resourcesIn(String scope) {
        return byScope.getOrDefault(scope, List.of());
    }

    /** The resources of {@code kind} in {@code scope}, in the graph's order. */
    public List<Resource> resources(Kind kind, String scope) {
        Map<Kind, List<Resource>> kinds = byScopeAndKind.get(scope);
        return kinds == null ? List.of() : kinds.getOrDefault(kind, List.of());
    }

    /**
     * The resources of {@code kind} that may relate to {@code anchor}: those of its own scope, since another root
     * module or template is another deployment; but those of every scope when another scope refers to
     * {@code anchor} (a stack imports what another one exports), since any of them may then relate to it.
     */
    public List<Resource> resourcesRelatedTo(Resource anchor, Kind kind) {
        return isReferencedFromAnotherScope(anchor) ? resources(kind) : resources(kind, anchor.id().scope());
    }

    /** True when a resource of another scope refers to {@code r}: a CloudFormation import of what it exports. */
    public boolean isReferencedFromAnotherScope(Resource r) {
        for (Edge e : incoming(r)) {
            if (!e.from().id().scope().equals(r.id().scope())) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #resourcesRelatedTo(Resource, Kind)}, for the resources of {@code type} as written. */
    public List<Resource> resourcesOfTypeRelatedTo(Resource anchor, String type) {
        return isReferencedFromAnotherScope(anchor) ? resourcesOfType(type)
                : resourcesOfType(type, anchor.id().scope());
    }

    /** The resources of {@code type} as written ({@code aws_s3_bucket}, {@code AWS::S3::Bucket}), in graph order. */
    public List<Resource> resourcesOfType(String type) {
        return typeIndex().byType().getOrDefault(type, List.of());
    }

    /** The resources of {@code type} in {@code scope}, in graph order. */
    public List<Resource> resourcesOfType(String type, String scope) {
        Map<String, List<Resource>> types = typeIndex().byScope().get(scope);
        return types == null ? List.of() : types.getOrDefault(type, List.of());
    }

    private TypeIndex typeIndex() {
        TypeIndex index = typeIndex;
        if (index == null) {
            synchronized (this) {
                index = typeIndex;
                if (index == null) {
                    Map<String, List<Resource>> byType = new HashMap<>();
                    Map<String, Map<String, List<Resource>>> byScope = new HashMap<>();
                    for (Resource r : resources) {
                        byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
                        byScope.computeIfAbsent(r.id().scope(), k -> new HashMap<>())
                                .computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
                    }
                    index = new TypeIndex(byType, byScope);
                    typeIndex = index;
                }
            }
        }
        return index;
    }

    public Optional<Resource> resource(ResourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The resources a reference points at: the one resource, or every instance when it names a counted resource
     * without an index. Empty when the target is not in the graph.
     */
    public List<Resource> targets(Value.Ref ref) {
        Resource exact = byId.get(ref.target());
        if (exact != null) {
            return List.of(exact);
        }
        return instancesByBase.getOrDefault(ref.target(), List.of());
    }

    /** The single resource a value refers to, when it is a reference to exactly one resource in the graph. */
    public Optional<Resource> target(Value value) {
        if (value instanceof Value.Ref ref) {
            List<Resource> t = targets(ref);
            if (t.size() == 1) {
                return Optional.of(t.get(0));
            }
        }
        return Optional.empty();
    }

    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public List<Edge> outgoing(Resource from) {
        return outgoing.getOrDefault(from, List.of());
    }

    public List<Edge> incoming(Resource to) {
        return incoming.getOrDefault(to, List.of());
    }

    /** Resources of {@code kind} that reference {@code to}. */
    public List<Resource> referrers(Resource to, Kind kind) {
        List<Resource> out = new ArrayList<>();
        for (Edge e : incoming(to)) {
            if (e.from().kind() == kind && !out.contains(e.from())) {
                out.add(e.from());
            }
        }
        return out;
    }

    /** Resources of {@code kind} that {@code from} references. */
    public List<Resource> referenced(Resource from, Kind kind) {
        List<Resource> out = new ArrayList<>();
        for (Edge e : outgoing(from)) {
            if (e.to().kind() == kind && !out.contains(e.to())) {
                out.add(e.to());
            }
        }
        return out;
    }

    /**
     * The value of the attribute a reference reads, when the target wrote it down: {@code aws_subnet.a.availability_zone}
     * gives the subnet's {@code availability_zone} property. Computed attributes ({@code id}, {@code arn}) and data
     * sources give {@link Value.Unknown}.
     */
    public Value attributeValue(Value.Ref ref) {
        Optional<Resource> target = target(ref);
        if (target.isEmpty()) {
            return new Value.Unknown("reference to " + ref.target() + " that is not in the scan", ref.span());
        }
        Resource r = target.get();
        if (r.isDataSource()) {
            return new Value.Unknown("data source " + r.address() + " is read at plan time", ref.span());
        }
        if (ref.attribute().isEmpty() || Value.Ref.REF.equals(ref.attributeName())) {
            return new Value.Unknown("id of " + r.address() + " is known after apply", ref.span());
        }
        return r.property(String.join(".", ref.attribute()))
                .orElseGet(() -> new Value.Unknown(r.address() + "." + String.join(".", ref.attribute())
                        + " is known after apply", ref.span()));
    }
}
