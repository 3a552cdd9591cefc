package dev.preflight.dsl.aws;

import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.PropertyNames;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Security group ingress rules in one shape, whichever way they are written: inline {@code ingress} blocks and
 * {@code SecurityGroupIngress} entries, {@code aws_security_group_rule} of type ingress,
 * {@code aws_vpc_security_group_ingress_rule}, and {@code AWS::EC2::SecurityGroupIngress}.
 *
 * <pre>{@code
 * for (IngressRules.Ingress rule : IngressRules.of(securityGroup, graph)) { ... }
 * }</pre>
 */
public final class IngressRules {
    private static final Set<String> EGRESS_TYPES = Set.of("aws_vpc_security_group_egress_rule",
            "AWS::EC2::SecurityGroupEgress");
    private static final Set<String> SOURCE_KEYS = Set.of("cidr_blocks", "ipv6_cidr_blocks", "cidr_ip", "cidr_ipv6",
            "cidr_ipv4");

    private IngressRules() {
    }

    /**
     * One ingress rule: the property path it is written at, its protocol ({@code -1} for all), its port range
     * (empty when not known), and its source CIDR values; {@code writtenAt} is, for each source, the attribute
     * that lists it, where a finding points (an element taken from a variable default is written elsewhere).
     */
    public record Ingress(String path, Optional<String> protocol, Optional<Long> fromPort, Optional<Long> toPort,
                          List<Value> sources, List<Value> writtenAt) {
        /** Whether the rule is for all protocols, hence all ports. */
        public boolean allTraffic() {
            return protocol.filter(p -> p.equals("-1") || p.equals("all")).isPresent();
        }

        /** Whether the rule is TCP and its range is known to hold {@code port}. */
        public boolean coversTcp(long port) {
            return protocol.filter(p -> p.equals("tcp") || p.equals("6")).isPresent() && fromPort.isPresent()
                    && toPort.isPresent() && fromPort.get() <= port && port <= toPort.get();
        }
    }

    /** The ingress rules written in {@code resource} (a security group, or a separate rule resource). */
    public static List<Ingress> of(Resource resource, ResourceGraph graph) {
        List<Ingress> out = new ArrayList<>();
        if (resource.isDataSource()) {
            return out;
        }
        if (resource.kind() == Kind.SECURITY_GROUP) {
            Optional<Value> inline = resource.properties().get("security_group_ingress");
            if (inline.isPresent() && inline.get() instanceof Value.ListValue list) {
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof Value.MapValue m) {
                        out.add(read("security_group_ingress[" + i + "].", m, graph));
                    }
                }
            }
        } else if (resource.kind() == Kind.SECURITY_GROUP_RULE && !EGRESS_TYPES.contains(resource.type())) {
            Optional<String> type = resource.property("type").flatMap(v -> Values.resolvedString(v, graph));
            if (resource.property("type").isEmpty() || type.filter("ingress"::equals).isPresent()) {
                out.add(read("", resource.properties(), graph));
            }
        }
        return out;
    }

    private static Ingress read(String prefix, Value.MapValue rule, ResourceGraph graph) {
        Optional<String> protocol = rule.get("protocol").or(() -> rule.get("ip_protocol"))
                .flatMap(v -> Values.resolvedString(v, graph)).map(p -> p.toLowerCase(Locale.ROOT).trim());
        Optional<Long> from = rule.get("from_port").flatMap(v -> PortMappings.number(v, graph));
        Optional<Long> to = rule.get("to_port").flatMap(v -> PortMappings.number(v, graph));
        List<Value> sources = new ArrayList<>();
        List<Value> writtenAt = new ArrayList<>();
        for (var e : rule.entries().entrySet()) {
            if (SOURCE_KEYS.stream().anyMatch(k -> PropertyNames.same(k, e.getKey()))) {
                for (Value element : Values.elements(e.getValue())) {
                    sources.add(element);
                    writtenAt.add(e.getValue());
                }
            }
        }
        return new Ingress(prefix, protocol, from, to, sources, writtenAt);
    }

    /**
     * Whether the security group of {@code resource} (the group itself, or the group a separate rule adds to) is
     * used by load balancers and by nothing else of its configuration.
     */
    public static boolean guardsOnlyLoadBalancers(Resource resource, ResourceGraph graph) {
        return guardsOnly(resource, graph, Set.of(Kind.LOAD_BALANCER));
    }

    /**
     * Whether the security group of {@code resource} is used, within its configuration, only by network interfaces
     * that answer on their own ports and nothing else: load balancers (their listeners) and VPC endpoints (private
     * addresses only, the service's port). False when any other resource uses it, and when nothing of the scan
     * does: its users are then unknown, and may be instances.
     */
    public static boolean guardsOnlyLoadBalancersOrEndpoints(Resource resource, ResourceGraph graph) {
        return guardsOnly(resource, graph, HARMLESS_USERS);
    }

    /** Whether the group of {@code resource} has users, all of them of the {@code harmless} kinds. */
    private static boolean guardsOnly(Resource resource, ResourceGraph graph, Set<Kind> harmless) {
        Users users = usersOf(resource, graph, harmless);
        return users != null && users.anyHarmless() && users.others().isEmpty();
    }

    /**
     * When the group of {@code resource} is used by a load balancer or an interface endpoint and also by other
     * resources (instances, tasks, network interfaces), those others: the reason the group is not exempt, so the
     * evidence a finding names. Empty otherwise.
     */
    public static List<Resource> usersThatDenyTheExemption(Resource resource, ResourceGraph graph) {
        Users users = usersOf(resource, graph, HARMLESS_USERS);
        return users == null || !users.anyHarmless() ? List.of() : users.others();
    }

    /** The users of a group within its configuration: whether any is of a harmless kind, and the others. */
    private record Users(boolean anyHarmless, List<Resource> others) {
    }

    /** The users of the group of {@code resource}, other groups and group rules left out; null when it is not known. */
    private static Users usersOf(Resource resource, ResourceGraph graph, Set<Kind> harmless) {
        Optional<Resource> group = groupOf(resource, graph);
        if (group.isEmpty()) {
            return null;
        }
        boolean anyHarmless = false;
        List<Resource> others = new ArrayList<>();
        for (dev.preflight.graph.Edge e : graph.incoming(group.get())) {
            Kind user = e.from().kind();
            if (harmless.contains(user)) {
                anyHarmless = true;
            } else if (user != Kind.SECURITY_GROUP && user != Kind.SECURITY_GROUP_RULE && !others.contains(e.from())) {
                others.add(e.from());
            }
        }
        return new Users(anyHarmless, others);
    }

    /** Users of a group that an open ingress exposes no further than their own listeners do. */
    private static final Set<Kind> HARMLESS_USERS = Set.of(Kind.LOAD_BALANCER, Kind.VPC_ENDPOINT);

    /** The group itself, or the group a separate rule resource belongs to. */
    private static Optional<Resource> groupOf(Resource resource, ResourceGraph graph) {
        return resource.kind() == Kind.SECURITY_GROUP ? Optional.of(resource)
                : resource.property("security_group_id").or(() -> resource.property("group_id"))
                .flatMap(graph::target).filter(g -> g.kind() == Kind.SECURITY_GROUP);
    }

    /** Whether a source value is known to be the whole internet ({@code 0.0.0.0/0} or {@code ::/0}). */
    public static Optional<String> anywhere(Value source, ResourceGraph graph) {
        return Values.resolvedString(source, graph).map(String::trim)
                .filter(s -> s.equals("0.0.0.0/0") || s.equals("::/0"));
    }
}
