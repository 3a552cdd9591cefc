package dev.preflight.dsl.aws;

import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A property that holds EC2 ids of one type, e.g. {@code vpc_id}, {@code subnets} of a load balancer,
 * {@code subnet_mappings[*].subnet_id}. Only properties whose meaning is unambiguous are listed: an EC2 instance's
 * {@code security_groups} may hold group names, a route's {@code gateway_id} may hold {@code local} or a
 * {@code vgw-} id, so those are listed narrowly or not at all.
 *
 * <pre>{@code
 * for (IdAttribute id : IdAttribute.ALL) {
 *     for (IdAttribute.Occurrence o : id.occurrences(resource)) { ... }   // every vpc_id, subnet_ids[*], ...
 * }
 * }</pre>
 */
public record IdAttribute(AwsIds type, String path, Set<Kind> kinds, String requiredPrefix) {

    /** Every property preflight checks for well-formed ids. */
    public static final List<IdAttribute> ALL = List.of(
            anywhere(AwsIds.VPC, "vpc_id"),
            anywhere(AwsIds.VPC, "peer_vpc_id"),
            anywhere(AwsIds.VPC, "vpc_config.vpc_id"),
            anywhere(AwsIds.SUBNET, "subnet_id"),
            anywhere(AwsIds.SUBNET, "subnet_ids"),
            anywhere(AwsIds.SUBNET, "vpc_config.subnet_ids"),
            on(AwsIds.SUBNET, "subnets", Kind.LOAD_BALANCER),
            on(AwsIds.SUBNET, "subnet_mappings[].subnet_id", Kind.LOAD_BALANCER),
            on(AwsIds.SUBNET, "network_configuration.subnets", Kind.ECS_SERVICE),
            on(AwsIds.SUBNET, "network_configuration.awsvpc_configuration.subnets", Kind.ECS_SERVICE),
            anywhere(AwsIds.SECURITY_GROUP, "vpc_security_group_ids"),
            anywhere(AwsIds.SECURITY_GROUP, "security_group_ids"),
            anywhere(AwsIds.SECURITY_GROUP, "security_group_id"),
            anywhere(AwsIds.SECURITY_GROUP, "vpc_config.security_group_ids"),
            on(AwsIds.SECURITY_GROUP, "security_groups", Kind.LOAD_BALANCER),
            on(AwsIds.SECURITY_GROUP, "network_configuration.security_groups", Kind.ECS_SERVICE),
            on(AwsIds.SECURITY_GROUP, "network_configuration.awsvpc_configuration.security_groups", Kind.ECS_SERVICE),
            anywhere(AwsIds.ROUTE_TABLE, "route_table_id"),
            anywhere(AwsIds.ROUTE_TABLE, "route_table_ids"),
            anywhere(AwsIds.ROUTE_TABLE, "default_route_table_id"),
            anywhere(AwsIds.NAT_GATEWAY, "nat_gateway_id"),
            anywhere(AwsIds.INTERNET_GATEWAY, "internet_gateway_id"),
            // gateway_id also takes "local", vgw- and other gateways: only an igw- value is clearly an IGW id
            new IdAttribute(AwsIds.INTERNET_GATEWAY, "gateway_id", Set.of(Kind.ROUTE, Kind.ROUTE_TABLE_ASSOCIATION),
                    "igw-"));

    private static IdAttribute anywhere(AwsIds type, String path) {
        return new IdAttribute(type, path, Set.of(), null);
    }

    private static IdAttribute on(AwsIds type, String path, Kind kind) {
        return new IdAttribute(type, path, Set.of(kind), null);
    }

    /** A value written in the property, with the path to it and the property's own value (for its span). */
    public record Occurrence(String path, Value value, Value property) {
    }

    /** Whether this property applies to resources of {@code kind}. */
    public boolean appliesTo(Kind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** Every value this property holds on {@code resource}: one, or each element of a list. */
    public List<Occurrence> occurrences(Resource resource) {
        List<Occurrence> out = new ArrayList<>();
        int repeated = path.indexOf("[].");
        if (repeated >= 0) {
            Optional<Value> outer = resource.properties().get(path.substring(0, repeated));
            if (outer.isPresent() && outer.get() instanceof Value.ListValue list) {
                String inner = path.substring(repeated + 3);
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof Value.MapValue map) {
                        int index = i;
                        map.get(inner).ifPresent(v -> addAll(out,
                                path.substring(0, repeated) + "[" + index + "]." + inner, v, v));
                    }
                }
            }
            return out;
        }
        resource.property(path).ifPresent(v -> addAll(out, path, v, v));
        return out;
    }

    private static void addAll(List<Occurrence> out, String path, Value v, Value property) {
        if (v instanceof Value.ListValue list) {
            for (int i = 0; i < list.items().size(); i++) {
                out.add(new Occurrence(path + "[" + i + "]", list.items().get(i), property));
            }
        } else {
            out.add(new Occurrence(path, v, property));
        }
    }
}
