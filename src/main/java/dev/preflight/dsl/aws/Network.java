package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * VPC vocabulary: the VPC of a resource, the route table of a subnet, the routes of a table, the VPC's endpoints.
 *
 * <pre>{@code
 * Known<Resource> vpc = Network.vpcOf(subnet, graph);
 * Known<RouteTable> table = Network.routeTableOf(subnet, graph);
 * }</pre>
 */
public final class Network {
    private Network() {
    }

    /** The VPC a resource names in {@code vpc_id}, when it is a VPC of this scan. */
    public static Known<Resource> vpcOf(Resource resource, ResourceGraph graph) {
        Optional<Value> v = resource.property("vpc_id");
        if (v.isEmpty()) {
            return Known.unknown(resource.address() + " names no VPC");
        }
        Related vpcs = Traversal.followValue(v, "vpc_id", graph);
        if (!vpcs.complete() || vpcs.resources().size() != 1 || vpcs.resources().get(0).kind() != Kind.VPC) {
            return Known.unknown("the VPC of " + resource.address() + " (" + Values.show(v.get())
                    + ") is not a VPC of this scan");
        }
        Resource vpc = vpcs.resources().get(0);
        if (vpc.isDataSource()) {
            // a VPC managed elsewhere may have routes and endpoints that are not in this scan
            return Known.unknown("the VPC of " + resource.address() + " is read from " + vpc.address());
        }
        return Known.of(vpc);
    }

    /**
     * The route table of a subnet: the table of its explicit association, else its VPC's main route table. Unknown
     * when any association's subnet is not known (it might be this subnet).
     */
    public static Known<RouteTable> routeTableOf(Resource subnet, ResourceGraph graph) {
        Related associations = Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id").from(subnet, graph);
        if (!associations.complete()) {
            return Known.unknown(associations.unknownReason());
        }
        if (!associations.isEmpty()) {
            Resource association = associations.resources().get(0);
            RouteTable table = association.property("route_table_id").map(v -> RouteTable.named(v, graph)).orElse(null);
            return table != null ? Known.of(table)
                    : Known.unknown("the route table of " + association.address() + " is not in this scan");
        }
        return vpcOf(subnet, graph).flatMap(vpc -> mainRouteTable(vpc, graph));
    }

    /** The main route table of a VPC: one set with a main-table association, an adopted default table, or AWS's own. */
    public static Known<RouteTable> mainRouteTable(Resource vpc, ResourceGraph graph) {
        Related mains = Traversal.referrers(Kind.MAIN_ROUTE_TABLE_ASSOCIATION, "vpc_id").from(vpc, graph);
        if (!mains.complete()) {
            return Known.unknown(mains.unknownReason());
        }
        if (!mains.isEmpty()) {
            Optional<Value> tableId = mains.resources().get(0).property("route_table_id");
            Optional<Resource> table = tableId.flatMap(graph::target).filter(r -> r.kind() == Kind.ROUTE_TABLE);
            return table.map(t -> Known.of(new RouteTable(t, vpc)))
                    .orElseGet(() -> Known.unknown("the main route table of " + vpc.address() + " is not in this scan"));
        }
        for (Resource table : graph.resourcesRelatedTo(vpc, Kind.ROUTE_TABLE)) {
            if (vpc.equals(RouteTable.adoptedMainOf(table, graph))) {
                return Known.of(new RouteTable(table, vpc));
            }
        }
        return Known.of(new RouteTable(null, vpc));
    }

    /**
     * The routes of a table: inline routes written in the table, and route resources whose {@code route_table_id}
     * names it. Incomplete when a route's table is unknown or the table's inline routes are.
     */
    public static Related routesOf(RouteTable table, ResourceGraph graph) {
        List<Resource> out = new ArrayList<>();
        String unknown = null;
        if (table.table() != null) {
            Optional<Value> inline = table.table().property("routes");
            if (inline.isPresent() && !(inline.get() instanceof Value.ListValue) && !(inline.get() instanceof Value.Null)) {
                unknown = "the inline routes of " + table.table().address() + " are not known";
            }
        }
        // a route of another root module or template is never in this table, unless it imports the table
        Resource anchor = table.mainOf() != null ? table.mainOf() : table.table();
        for (Resource route : graph.resourcesRelatedTo(anchor, Kind.ROUTE)) {
            if (table.table() != null && route.parent().filter(table.table()::equals).isPresent()) {
                out.add(route);
                continue;
            }
            Optional<Value> tableId = route.property("route_table_id");
            if (tableId.isEmpty()) {
                continue;
            }
            Truth named = table.isNamedBy(tableId.get(), graph);
            if (named.isTrue()) {
                out.add(route);
            } else if (named == Truth.UNKNOWN) {
                unknown = "the route table of " + route.address() + " is not known";
            }
        }
        return unknown == null ? Related.exactly(out) : Related.partly(out, unknown);
    }

    /** The VPC endpoints created in a VPC; incomplete when an endpoint's VPC is not known. */
    public static Related endpointsOf(Resource vpc, ResourceGraph graph) {
        return Traversal.referrers(Kind.VPC_ENDPOINT, "vpc_id").from(vpc, graph);
    }

    /** Whether a value names a NAT gateway: a reference to one, or a {@code nat-} id. */
    public static Truth isNatGateway(Value value, ResourceGraph graph) {
        return names(value, RouteTarget.Type.NAT_GATEWAY, graph);
    }

    /** Whether a value names an internet gateway: a reference to one, or an {@code igw-} id. */
    public static Truth isInternetGateway(Value value, ResourceGraph graph) {
        return names(value, RouteTarget.Type.INTERNET_GATEWAY, graph);
    }

    /**
     * Whether a route's target is a NAT gateway, in whichever attribute it is written ({@code nat_gateway_id}, or
     * {@code gateway_id}, which AWS accepts too); see {@link RouteTarget}.
     */
    public static Truth targetsNatGateway(Resource route, ResourceGraph graph) {
        Known<RouteTarget> target = RouteTarget.of(route, graph);
        return target.isKnown() ? Truth.of(target.value().is(RouteTarget.Type.NAT_GATEWAY)) : Truth.UNKNOWN;
    }

    private static Truth names(Value value, RouteTarget.Type expected, ResourceGraph graph) {
        if (value instanceof Value.Null) {
            return Truth.FALSE;
        }
        Known<RouteTarget.Type> type = RouteTarget.typeOf(value, graph);
        return type.isKnown() ? Truth.of(type.value() == expected) : Truth.UNKNOWN;
    }
}
