package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Elastic Load Balancing vocabulary: load balancer types, their subnets, and the zones those are in.
 *
 * <pre>{@code
 * resources(Kind.LOAD_BALANCER).that(LoadBalancers.areApplicationLoadBalancers())
 * Known<LoadBalancers.Placement> placement = LoadBalancers.placement(lb);
 * }</pre>
 */
public final class LoadBalancers {
    /** Local Zone names carry a location after the region: {@code us-west-2-lax-1a}. */
    private static final Pattern LOCAL_ZONE = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d-[a-z]+-\\d+[a-z]?");

    private LoadBalancers() {
    }

    /** Load balancers of type {@code application}, which is also the default type in both formats. */
    public static ResourcePredicate areApplicationLoadBalancers() {
        return ResourcePredicate.of("are application load balancers", (lb, g) -> {
            Optional<Value> type = lb.property("type");
            if (Values.isSet(type) == Truth.FALSE) {
                return Truth.TRUE;
            }
            return Values.knownString(type.get()).map(t -> Truth.of(t.equals("application"))).orElse(Truth.UNKNOWN);
        });
    }

    /** The subnets of a load balancer as written: each element of {@code subnets} and of {@code subnet_mappings}. */
    public record Placement(List<Value> subnetValues, Value writtenAt) {
    }

    /** Where the load balancer's subnets are written; unknown when either list is. */
    public static Known<Placement> placement(Resource lb) {
        List<Value> out = new ArrayList<>();
        Value where = null;
        Optional<Value> subnets = lb.property("subnets");
        if (Values.isSet(subnets) != Truth.FALSE) {
            if (!(subnets.get() instanceof Value.ListValue list)) {
                return Known.unknown("the subnets of " + lb.address() + " are not known");
            }
            out.addAll(list.items());
            where = subnets.get();
        }
        Optional<Value> mappings = lb.properties().get("subnet_mappings");
        if (Values.isSet(mappings) != Truth.FALSE) {
            if (!(mappings.get() instanceof Value.ListValue list)) {
                return Known.unknown("the subnet mappings of " + lb.address() + " are not known");
            }
            for (Value m : list.items()) {
                Optional<Value> id = m instanceof Value.MapValue map ? map.get("subnet_id") : Optional.empty();
                if (id.isEmpty()) {
                    return Known.unknown("a subnet mapping of " + lb.address() + " is not known");
                }
                out.add(id.get());
            }
            where = where == null ? mappings.get() : where;
        }
        return Known.of(new Placement(out, where));
    }

    /**
     * The distinct subnets a placement names: resources of the scan by identity, literal ids by text, anything else
     * as one subnet of its own. Every element of a known list is one subnet: the loaders turn whatever could stand
     * for several (a splat over an unknown count, {@code flatten} of an unknown list, a list parameter) into an
     * unknown list as a whole, which {@link #placement} already refuses to judge.
     */
    public static List<Object> distinctSubnets(Placement placement, ResourceGraph graph) {
        Set<Object> subnets = new LinkedHashSet<>();
        int index = 0;
        for (Value v : placement.subnetValues()) {
            index++;
            Value item = v instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v;
            if (item instanceof Value.Null) {
                continue;
            }
            if (item instanceof Value.Str s) {
                subnets.add(s.value());
            } else if (item instanceof Value.Ref ref && graph.targets(ref).size() == 1) {
                subnets.add(graph.targets(ref).get(0));
            } else {
                // one subnet preflight cannot identify; two such may well differ
                subnets.add(new UnknownSubnet(index, item));
            }
        }
        return List.copyOf(subnets);
    }

    /** A subnet written as a value preflight cannot know (a CloudFormation parameter without a value). */
    public record UnknownSubnet(int position, Value value) {
        @Override
        public String toString() {
            return Values.show(value);
        }
    }

    /**
     * The zone of a subnet of the placement: {@code name:us-east-1a} or {@code id:use1-az1}. Unknown for literal
     * ids, subnets whose zone AWS picks, and zones from variables without a value.
     */
    public static Known<String> zoneOf(Object subnet, ResourceGraph graph) {
        if (!(subnet instanceof Resource r) || r.kind() != Kind.SUBNET || r.isDataSource()) {
            return Known.unknown("the zone of subnet " + subnet + " is not known");
        }
        Optional<Value> name = r.property("availability_zone");
        if (name.isPresent()) {
            return Values.resolvedString(name.get(), graph).map(z -> Known.of("name:" + z))
                    .orElseGet(() -> Known.unknown("the zone of " + r.address() + " is not known"));
        }
        Optional<Value> id = r.property("availability_zone_id");
        if (id.isPresent()) {
            return Values.resolvedString(id.get(), graph).map(z -> Known.of("id:" + z))
                    .orElseGet(() -> Known.unknown("the zone of " + r.address() + " is not known"));
        }
        return Known.unknown("AWS picks the zone of " + r.address());
    }

    /**
     * Whether the placement is one where AWS allows an ALB in a single subnet: an Outpost (a subnet with an
     * {@code outpost_arn}, or a customer-owned address pool) or a Local Zone.
     */
    public static boolean mayBeSingleZoneByDesign(Resource lb, List<Object> subnets, ResourceGraph graph) {
        if (Values.isSet(lb.property("customer_owned_ipv4_pool")) != Truth.FALSE) {
            return true;
        }
        for (Object s : subnets) {
            if (s instanceof Resource r) {
                if (Values.isSet(r.property("outpost_arn")) != Truth.FALSE) {
                    return true;
                }
                Known<String> zone = zoneOf(r, graph);
                if (zone.isKnown() && LOCAL_ZONE.matcher(zone.value().substring(zone.value().indexOf(':') + 1))
                        .matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
