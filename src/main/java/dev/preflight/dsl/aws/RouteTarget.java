package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * Where a route sends its traffic, judged by what the target value names, never by the attribute that holds it: the
 * EC2 API and Terraform accept a NAT gateway in {@code gateway_id} / {@code GatewayId}, and real code does it. A
 * reference is classified by the kind of the resource it points at, a literal id by its prefix ({@code nat-},
 * {@code igw-}, {@code eigw-}, {@code vpce-}, {@code tgw-}, {@code pcx-}, {@code eni-}, ...).
 *
 * <pre>{@code
 * Known<RouteTarget> target = RouteTarget.of(route, graph);
 * if (target.isKnown() && target.value().is(RouteTarget.Type.NAT_GATEWAY)) {
 *     Span at = target.value().span();   // the attribute that names it, whichever it is
 * }
 * }</pre>
 *
 * @param type what the target is
 * @param attribute the canonical name of the attribute that holds it ({@code gateway_id}, {@code nat_gateway_id}, ...)
 * @param value the value written there
 */
public record RouteTarget(Type type, String attribute, Value value) {

    /** What a route can send traffic to. */
    public enum Type {
        INTERNET_GATEWAY("igw-", "internet gateway"),
        NAT_GATEWAY("nat-", "NAT gateway"),
        EGRESS_ONLY_INTERNET_GATEWAY("eigw-", "egress-only internet gateway"),
        VIRTUAL_PRIVATE_GATEWAY("vgw-", "virtual private gateway"),
        TRANSIT_GATEWAY("tgw-", "transit gateway"),
        VPC_PEERING_CONNECTION("pcx-", "VPC peering connection"),
        NETWORK_INTERFACE("eni-", "network interface"),
        VPC_ENDPOINT("vpce-", "VPC endpoint"),
        INSTANCE("i-", "instance"),
        CARRIER_GATEWAY("cagw-", "carrier gateway"),
        LOCAL_GATEWAY("lgw-", "local gateway"),
        /** The VPC's own local route ({@code gateway_id = "local"}). */
        LOCAL(null, "the VPC (local route)"),
        /** Something preflight has no name for: a resource of another kind, a core network ARN, another id. */
        OTHER(null, "another target");

        private final String idPrefix;
        private final String noun;

        Type(String idPrefix, String noun) {
            this.idPrefix = idPrefix;
            this.noun = noun;
        }

        /** What a user calls it: "NAT gateway". */
        public String noun() {
            return noun;
        }
    }

    /**
     * Every attribute that can hold a route's target, in both formats (canonical names: CloudFormation's
     * {@code GatewayId} is {@code gateway_id}). Terraform's inline {@code egress_only_gateway_id} is loaded under
     * CloudFormation's name.
     */
    static final List<String> ATTRIBUTES = List.of("gateway_id", "nat_gateway_id", "egress_only_internet_gateway_id",
            "transit_gateway_id", "vpc_peering_connection_id", "network_interface_id", "vpc_endpoint_id",
            "carrier_gateway_id", "local_gateway_id", "core_network_arn", "instance_id");

    /**
     * The target of a route: the one target attribute that is set. Unknown when no attribute is known to be set, or
     * when the one that is set names something preflight cannot see (a variable, a remote module's output).
     */
    public static Known<RouteTarget> of(Resource route, ResourceGraph graph) {
        boolean maybeSet = false;
        for (String attribute : ATTRIBUTES) {
            Optional<Value> written = route.property(attribute);
            if (written.isEmpty() || isEmpty(written.get())) {
                continue;
            }
            Known<Type> type = typeOf(written.get(), graph);
            if (type.isKnown()) {
                // AWS takes exactly one target, so once one is known to be set any other must be null at apply
                return Known.of(new RouteTarget(type.value(), attribute, written.get()));
            }
            maybeSet = true;
        }
        return Known.unknown(maybeSet ? "the target of " + route.address() + " is not known"
                : route.address() + " has no target preflight can read");
    }

    /** What a target value names: the kind of the resource it references, or the prefix of a literal id. */
    public static Known<Type> typeOf(Value value, ResourceGraph graph) {
        Value v = value instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : value;
        if (v instanceof Value.Ref ref) {
            List<Resource> targets = graph.targets(ref);
            if (targets.isEmpty()) {
                return Known.unknown(Values.show(v) + " is not a resource of this scan");
            }
            Type first = ofKind(targets.get(0).kind());
            return targets.stream().allMatch(r -> ofKind(r.kind()) == first) ? Known.of(first)
                    : Known.unknown(Values.show(v) + " names resources of several kinds");
        }
        if (v instanceof Value.Str s) {
            return Known.of(ofId(s.value()));
        }
        return Known.unknown(Values.show(v) + " is not known");
    }

    /** Whether this target is of {@code expected} type. */
    public boolean is(Type expected) {
        return type == expected;
    }

    /** Where the target is written, for findings. */
    public Span span() {
        return value.span();
    }

    /** How the target reads in messages: the address of the resource it references, or the value as written. */
    public String shown(ResourceGraph graph) {
        Value v = value instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : value;
        return graph.target(v).map(Resource::address).orElse(Values.show(value));
    }

    private static boolean isEmpty(Value value) {
        // a plan's inline routes spell every unset target as ""
        return value instanceof Value.Null || value instanceof Value.Str s && s.value().isEmpty();
    }

    private static Type ofKind(Kind kind) {
        return switch (kind) {
            case INTERNET_GATEWAY -> Type.INTERNET_GATEWAY;
            case NAT_GATEWAY -> Type.NAT_GATEWAY;
            case EGRESS_ONLY_INTERNET_GATEWAY -> Type.EGRESS_ONLY_INTERNET_GATEWAY;
            case VPC_ENDPOINT -> Type.VPC_ENDPOINT;
            default -> Type.OTHER;
        };
    }

    private static Type ofId(String id) {
        if (id.equals("local")) {
            return Type.LOCAL;
        }
        for (Type t : Type.values()) {
            if (t.idPrefix != null && id.startsWith(t.idPrefix)) {
                return t;
            }
        }
        return Type.OTHER;
    }
}
