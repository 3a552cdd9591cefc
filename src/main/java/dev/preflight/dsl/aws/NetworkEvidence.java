package dev.preflight.dsl.aws;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The places that explain a network finding: how a subnet is routed (its route table association, the table, the
 * routes that lead out and the gateways they lead to) and where a subnet's zone or a VPC's address space is written.
 * Each is a piece of {@link Evidence}, in the order a reader follows the traffic.
 *
 * <pre>{@code
 * List<Evidence> evidence = new ArrayList<>(NetworkEvidence.routing(subnet, graph, "has no route out"));
 * evidence.add(NetworkEvidence.vpc(vpc, "has no ecr.api interface endpoint"));
 * }</pre>
 */
public final class NetworkEvidence {
    private static final List<String> TARGETS = List.of("gateway_id", "nat_gateway_id");

    private NetworkEvidence() {
    }

    /**
     * The subnet (of a service), then its route table (the VPC's main table when no association names the subnet),
     * each route of the table that goes to a gateway and that gateway, and last the association. {@code tableSays}
     * is what matters about the table here ("has no route out of the VPC").
     */
    public static List<Evidence> routing(Resource subnet, ResourceGraph graph, String tableSays) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.resource(subnet, subnet.address() + " is a subnet of the service"));
        Known<RouteTable> table = Network.routeTableOf(subnet, graph);
        if (!table.isKnown()) {
            return out;
        }
        RouteTable t = table.value();
        Related associations = Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id").from(subnet, graph);
        List<Evidence> joins = new ArrayList<>();
        if (t.table() != null) {
            out.add(Evidence.resource(t.table(), t.table().address() + " " + tableSays));
            for (Resource association : associations.resources()) {
                joins.add(Evidence.property(association, "subnet_id", association.address() + " puts "
                        + subnet.address() + " in " + t.table().address()));
            }
        } else {
            out.add(Evidence.resource(t.mainOf(), subnet.address() + " uses the main route table of "
                    + t.mainOf().address() + ", which AWS creates with local routes only"));
        }
        for (Resource route : Network.routesOf(t, graph).resources()) {
            for (String property : TARGETS) {
                Optional<Value> target = route.property(property);
                Optional<Resource> gateway = target.flatMap(v -> graph.target(single(v)))
                        .filter(g -> g.kind() == Kind.INTERNET_GATEWAY || g.kind() == Kind.NAT_GATEWAY);
                if (gateway.isPresent()) {
                    out.add(Evidence.property(route, property, route.address() + " sends " + destination(route)
                            + " to " + gateway.get().address()));
                    out.add(gateway(gateway.get()));
                }
            }
        }
        out.addAll(joins);
        return out;
    }

    /** A NAT or internet gateway of the scan, said as what it is. */
    public static Evidence gateway(Resource gateway) {
        return Evidence.resource(gateway, gateway.address() + " is "
                + (gateway.kind() == Kind.NAT_GATEWAY ? "a NAT gateway" : "an internet gateway"));
    }

    /** The VPC, with what matters about it here ("has no ecr.api interface endpoint"). */
    public static Evidence vpc(Resource vpc, String says) {
        return Evidence.resource(vpc, vpc.address() + " " + says);
    }

    /**
     * Where a subnet's zone is written ({@code aws_subnet.a is in eu-west-1a}) and, when it came from a variable,
     * tfvars file, parameter or mapping, where that value is written.
     */
    public static List<Evidence> zone(Resource subnet, String zone) {
        String property = subnet.property("availability_zone").isPresent() ? "availability_zone"
                : "availability_zone_id";
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.property(subnet, property, subnet.address() + " is in " + zone));
        subnet.property(property).ifPresent(v -> out.addAll(Evidence.valueSources(v)));
        return out;
    }

    /** Where a resource's {@code cidr_block} is written, and where its value came from. */
    public static List<Evidence> cidr(Resource resource, String says) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.property(resource, "cidr_block", resource.address() + " " + says));
        resource.property("cidr_block").ifPresent(v -> out.addAll(Evidence.valueSources(v)));
        return out;
    }

    private static String destination(Resource route) {
        for (String p : List.of("destination_cidr_block", "destination_ipv6_cidr_block")) {
            Optional<String> d = route.property(p).flatMap(Values::knownString);
            if (d.isPresent()) {
                return d.get();
            }
        }
        return "traffic";
    }

    private static Value single(Value v) {
        return v instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v;
    }
}
