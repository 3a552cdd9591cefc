package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * How traffic from a subnet can reach public AWS endpoints (ECR, S3, CloudWatch Logs): what its route table says.
 * A subnet is {@link #NONE} only when every route is known and none of them can leave the VPC towards public
 * addresses; a default route to a transit gateway, a route to a public range, a prefix list or an IPv6 route all
 * count as {@link #OTHER}, because preflight cannot see where they lead.
 *
 * <pre>{@code
 * Known<OutboundPath> way = OutboundPath.ofSubnet(subnet, graph);
 * if (way.isKnown() && way.value() == OutboundPath.NONE) { ... }   // definitely no way out
 * }</pre>
 */
public enum OutboundPath {
    // declared from narrowest to widest: a table's path is the widest of its routes'

    /** Definitely no way out: only routes to private ranges (or none besides the local route). */
    NONE,
    /** Some route that may reach public addresses through something preflight cannot follow. */
    OTHER,
    /** A default route to a NAT gateway. */
    NAT_GATEWAY,
    /** A default route to an internet gateway: a public subnet. */
    INTERNET_GATEWAY;

    /** The outbound path of a subnet, unknown when its route table or any of the table's routes is. */
    public static Known<OutboundPath> ofSubnet(Resource subnet, ResourceGraph graph) {
        return Network.routeTableOf(subnet, graph).flatMap(table -> ofTable(table, graph));
    }

    /** The outbound path of a route table; the widest path of any of its routes wins. */
    public static Known<OutboundPath> ofTable(RouteTable table, ResourceGraph graph) {
        Related routes = Network.routesOf(table, graph);
        if (!routes.complete()) {
            return Known.unknown(routes.unknownReason());
        }
        OutboundPath widest = NONE;
        for (Resource route : routes.resources()) {
            Known<OutboundPath> path = ofRoute(route, graph);
            if (!path.isKnown()) {
                return path;
            }
            if (path.value().ordinal() > widest.ordinal()) {
                widest = path.value();
            }
        }
        return Known.of(widest);
    }

    /** Where one route can send traffic. */
    static Known<OutboundPath> ofRoute(Resource route, ResourceGraph graph) {
        Optional<Value> ipv6 = route.property("destination_ipv6_cidr_block");
        if (Values.isSet(ipv6) != Truth.FALSE) {
            return Known.of(OTHER);
        }
        if (Values.isSet(route.property("destination_prefix_list_id")) != Truth.FALSE) {
            return Known.of(OTHER);
        }
        Optional<Value> destination = route.property("destination_cidr_block");
        if (destination.isEmpty()) {
            return Known.unknown(route.address() + " has no destination preflight can read");
        }
        Optional<String> cidr = Values.knownString(destination.get());
        if (cidr.isEmpty()) {
            return Known.unknown("the destination of " + route.address() + " is not known");
        }
        Optional<Ipv4Cidr> block = Ipv4Cidr.parse(cidr.get());
        if (block.isEmpty()) {
            return Known.unknown("the destination of " + route.address() + " is not an IPv4 CIDR");
        }
        if (!block.get().isDefaultRoute()) {
            return Known.of(block.get().isPrivate() ? NONE : OTHER);
        }
        // the target is what the value names, whichever attribute holds it (a NAT gateway in gateway_id is valid)
        return RouteTarget.of(route, graph).map(target -> switch (target.type()) {
            case INTERNET_GATEWAY -> INTERNET_GATEWAY;
            case NAT_GATEWAY -> NAT_GATEWAY;
            default -> OTHER;
        });
    }
}
