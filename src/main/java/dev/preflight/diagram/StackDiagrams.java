package dev.preflight.diagram;

import dev.preflight.dsl.Finding;
import dev.preflight.graph.Edge;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds the {@link StackDiagram} of one scope (a root module or a template) of a graph. The resources a container
 * deployment is made of are boxes; subnets (and NAT gateways, by their subnet) sit in a frame per availability zone
 * inside a frame per VPC; route table associations, routes and listeners are drawn as the arrows they stand for
 * (subnet to table, table to gateway, load balancer to target group) rather than as boxes; references to the VPC of
 * a resource already drawn in its frame are left out. Everything else follows the graph's edges.
 */
public final class StackDiagrams {
    private static final Set<Kind> DRAWN = EnumSet.of(Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY,
            Kind.EGRESS_ONLY_INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.VPC_ENDPOINT, Kind.LOAD_BALANCER,
            Kind.TARGET_GROUP, Kind.ECS_SERVICE, Kind.ECS_TASK_DEFINITION, Kind.IAM_ROLE, Kind.ECR_REPOSITORY,
            Kind.APPRUNNER_SERVICE, Kind.EKS_CLUSTER);
    private static final List<String> ROUTE_TARGETS = List.of("gateway_id", "nat_gateway_id", "vpc_endpoint_id",
            "egress_only_gateway_id", "transit_gateway_id", "vpc_peering_connection_id");
    private static final String NO_ZONE = "zone not known";

    private final ResourceGraph graph;
    private final Map<Resource, String> ids = new LinkedHashMap<>();
    private final Map<String, List<String>> findingsByAddress = new TreeMap<>();

    private StackDiagrams(ResourceGraph graph, List<Finding> findings) {
        this.graph = graph;
        for (Finding f : findings) {
            if (f.resource() != null) {
                List<String> ids = findingsByAddress.computeIfAbsent(f.resource(), k -> new ArrayList<>());
                if (!ids.contains(f.ruleId())) {
                    ids.add(f.ruleId());
                }
            }
        }
    }

    /** The scopes (root modules and templates) of a graph that have something to draw, in the graph's order. */
    public static List<String> scopes(ResourceGraph graph) {
        Set<String> out = new LinkedHashSet<>();
        for (Resource r : graph.resources()) {
            if (!r.isDataSource() && (DRAWN.contains(r.kind()) || r.kind() == Kind.VPC)) {
                out.add(r.id().scope());
            }
        }
        return List.copyOf(out);
    }

    /** The whole picture of {@code scope}; {@code findings} mark the resources they are about. */
    public static StackDiagram of(ResourceGraph graph, String scope, List<Finding> findings) {
        return new StackDiagrams(graph, findings).build(scope);
    }

    /**
     * Only {@code address} and the boxes joined to it by an arrow, in their frames; empty when no box has that
     * address.
     */
    public static Optional<StackDiagram> focused(StackDiagram diagram, String address) {
        Optional<StackDiagram.Node> centre = diagram.nodes().stream().filter(n -> n.address().equals(address))
                .findFirst();
        return centre.map(c -> around(diagram, Set.of(c.id()), "around " + address));
    }

    /** The boxes with findings and their neighbours: the part of the stack a report is about; empty when none. */
    public static Optional<StackDiagram> aroundFindings(StackDiagram diagram) {
        Set<String> marked = new HashSet<>();
        diagram.nodes().stream().filter(StackDiagram.Node::marked).forEach(n -> marked.add(n.id()));
        collectMarkedGroups(diagram.root(), marked);
        return marked.isEmpty() ? Optional.empty() : Optional.of(around(diagram, marked, "with findings"));
    }

    private static void collectMarkedGroups(StackDiagram.Group g, Set<String> marked) {
        if (!g.findings().isEmpty()) {
            g.nodes().forEach(n -> marked.add(n.id()));
        }
        g.groups().forEach(inner -> collectMarkedGroups(inner, marked));
    }

    private static StackDiagram around(StackDiagram diagram, Set<String> centres, String what) {
        Set<String> kept = new HashSet<>(centres);
        List<StackDiagram.Edge> edges = new ArrayList<>();
        for (StackDiagram.Edge e : diagram.edges()) {
            if (centres.contains(e.from()) || centres.contains(e.to())) {
                kept.add(e.from());
                kept.add(e.to());
                edges.add(e);
            }
        }
        return new StackDiagram(diagram.title() + " (" + what + ")", prune(diagram.root(), kept::contains), edges);
    }

    private static StackDiagram.Group prune(StackDiagram.Group g, Predicate<String> keep) {
        List<StackDiagram.Group> groups = new ArrayList<>();
        for (StackDiagram.Group inner : g.groups()) {
            StackDiagram.Group p = prune(inner, keep);
            if (!p.isEmpty()) {
                groups.add(p);
            }
        }
        return new StackDiagram.Group(g.id(), g.label(), g.findings(), groups,
                g.nodes().stream().filter(n -> keep.test(n.id())).toList());
    }

    private StackDiagram build(String scope) {
        List<Resource> resources = graph.resourcesIn(scope).stream().filter(r -> !r.isDataSource()).toList();
        for (Resource r : resources) {
            // a route is an arrow, not a box: its findings mark its table
            if (r.kind() == Kind.ROUTE && findingsByAddress.containsKey(r.address())) {
                r.parent().or(() -> target(r, "route_table_id")).ifPresent(table -> {
                    List<String> onTable = findingsByAddress.computeIfAbsent(table.address(), k -> new ArrayList<>());
                    findingsByAddress.get(r.address()).stream().filter(id -> !onTable.contains(id))
                            .forEach(onTable::add);
                });
            }
        }
        Map<Resource, Map<String, List<StackDiagram.Node>>> byVpcAndZone = new LinkedHashMap<>();
        List<StackDiagram.Node> outside = new ArrayList<>();
        for (Resource r : resources) {
            if (r.kind() == Kind.VPC) {
                byVpcAndZone.computeIfAbsent(r, k -> new TreeMap<>());
            }
        }
        for (Resource r : resources) {
            if (!DRAWN.contains(r.kind())) {
                continue;
            }
            StackDiagram.Node node = node(r);
            Optional<Resource> vpc = vpcOf(r).filter(byVpcAndZone::containsKey);
            if (vpc.isEmpty()) {
                outside.add(node);
                continue;
            }
            String zone = zoneOf(r).orElse("");
            byVpcAndZone.get(vpc.get()).computeIfAbsent(zone, k -> new ArrayList<>()).add(node);
        }
        List<StackDiagram.Group> vpcs = new ArrayList<>();
        int group = 0;
        for (Map.Entry<Resource, Map<String, List<StackDiagram.Node>>> v : byVpcAndZone.entrySet()) {
            List<StackDiagram.Group> zones = new ArrayList<>();
            for (Map.Entry<String, List<StackDiagram.Node>> z : v.getValue().entrySet()) {
                if (!z.getKey().isEmpty()) {
                    zones.add(new StackDiagram.Group("g" + ++group, z.getKey(), List.of(), List.of(), z.getValue()));
                }
            }
            Resource vpc = v.getKey();
            vpcs.add(new StackDiagram.Group("g" + ++group, vpc.address() + detail(vpc), findingsOf(vpc), zones,
                    v.getValue().getOrDefault("", List.of())));
        }
        StackDiagram.Group root = new StackDiagram.Group("g0", scope, List.of(), vpcs, outside);
        return new StackDiagram(scope, root, edges(resources));
    }

    private StackDiagram.Node node(Resource r) {
        String id = "n" + (ids.size() + 1);
        ids.put(r, id);
        return new StackDiagram.Node(id, r.address(), (typeShown(r) + detail(r)).strip(), findingsOf(r));
    }

    private List<String> findingsOf(Resource r) {
        return findingsByAddress.getOrDefault(r.address(), List.of());
    }

    /** A Terraform address starts with its type; a logical id says nothing of it, so the type is shown. */
    private static String typeShown(Resource r) {
        return r.address().startsWith(r.type() + ".") || r.address().contains("." + r.type() + ".") ? ""
                : r.type().replace("AWS::", "");
    }

    /** What is worth a second line: a CIDR block, else nothing. */
    private String detail(Resource r) {
        Optional<String> cidr = r.property("cidr_block").flatMap(v -> Values.text(resolved(v)));
        return cidr.map(c -> " " + c).orElse("");
    }

    private Optional<Resource> vpcOf(Resource r) {
        if (r.kind() == Kind.NAT_GATEWAY) {
            return target(r, "subnet_id").flatMap(this::vpcOf);
        }
        return target(r, "vpc_id").filter(v -> v.kind() == Kind.VPC);
    }

    private Optional<String> zoneOf(Resource r) {
        if (r.kind() == Kind.NAT_GATEWAY) {
            return target(r, "subnet_id").flatMap(this::zoneOf);
        }
        if (r.kind() != Kind.SUBNET) {
            return Optional.empty();
        }
        Optional<Value> zone = r.property("availability_zone").or(() -> r.property("availability_zone_id"));
        return Optional.of(zone.flatMap(v -> Values.text(resolved(v))).orElse(NO_ZONE));
    }

    private Value resolved(Value v) {
        Value current = v;
        for (int hop = 0; hop < 8 && current instanceof Value.Ref ref; hop++) {
            current = graph.attributeValue(ref);
        }
        return current;
    }

    private Optional<Resource> target(Resource r, String property) {
        return r.property(property).flatMap(v -> graph.target(single(v)));
    }

    private static Value single(Value v) {
        return v instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v;
    }

    private List<StackDiagram.Edge> edges(List<Resource> resources) {
        Map<List<String>, Set<String>> out = new LinkedHashMap<>();
        for (Resource r : resources) {
            switch (r.kind()) {
                case ROUTE_TABLE_ASSOCIATION, VPC_ENDPOINT_ROUTE_TABLE_ASSOCIATION -> {
                    Optional<Resource> from = target(r, "subnet_id").or(() -> target(r, "vpc_endpoint_id"))
                            .or(() -> target(r, "gateway_id"));
                    Optional<Resource> table = target(r, "route_table_id");
                    if (from.isPresent() && table.isPresent()) {
                        add(out, from.get(), table.get(), "route table");
                    }
                }
                case ROUTE -> {
                    Optional<Resource> table = r.parent().or(() -> target(r, "route_table_id"));
                    for (String property : ROUTE_TARGETS) {
                        Optional<Resource> to = target(r, property);
                        if (table.isPresent() && to.isPresent()) {
                            add(out, table.get(), to.get(), destination(r));
                        }
                    }
                }
                case LISTENER -> {
                    Optional<Resource> lb = target(r, "load_balancer_arn");
                    for (Edge e : graph.outgoing(r)) {
                        if (lb.isPresent() && e.to().kind() == Kind.TARGET_GROUP) {
                            add(out, lb.get(), e.to(), "listener" + r.property("port").flatMap(Values::text)
                                    .map(p -> " :" + p).orElse(""));
                        }
                    }
                }
                // a table's inline routes are drawn as routes, above
                case ROUTE_TABLE -> { }
                default -> {
                    for (Edge e : graph.outgoing(r)) {
                        String label = lastSegment(e.propertyPath());
                        if (e.to().kind() != Kind.VPC && !label.equals("depends_on")
                                && !(r.kind() == Kind.NAT_GATEWAY && e.to().kind() == Kind.SUBNET)) {
                            add(out, r, e.to(), label);
                        }
                    }
                }
            }
        }
        List<StackDiagram.Edge> edges = new ArrayList<>();
        out.forEach((ends, labels) -> edges.add(new StackDiagram.Edge(ends.get(0), ends.get(1),
                String.join(", ", labels))));
        return edges;
    }

    /** One arrow per pair of boxes, with every label that joins them (a table's routes to one gateway). */
    private void add(Map<List<String>, Set<String>> out, Resource from, Resource to, String label) {
        String a = ids.get(from);
        String b = ids.get(to);
        if (a != null && b != null && !a.equals(b)) {
            out.computeIfAbsent(List.of(a, b), k -> new LinkedHashSet<>()).add(label);
        }
    }

    private static String destination(Resource route) {
        for (String p : List.of("destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id")) {
            Optional<String> d = route.property(p).flatMap(Values::text);
            if (d.isPresent()) {
                return d.get();
            }
        }
        return "route";
    }

    /** {@code network_configuration.subnets[1]} to {@code subnets}. */
    static String lastSegment(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket >= 0 ? last.substring(0, bracket) : last;
    }
}
