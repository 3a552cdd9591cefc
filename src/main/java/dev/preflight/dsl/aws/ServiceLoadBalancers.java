package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The load balancer registrations of an ECS service: Terraform {@code load_balancer} blocks and CloudFormation
 * {@code LoadBalancers} entries, each naming a target group (or classic load balancer), a container and a port.
 *
 * <pre>{@code
 * Known<List<ServiceLoadBalancers.Registration>> lbs = ServiceLoadBalancers.of(service);
 * }</pre>
 */
public final class ServiceLoadBalancers {
    private ServiceLoadBalancers() {
    }

    /** One registration and its index, for property paths in findings. */
    public record Registration(int index, Value.MapValue entry) {
        /** The entry at {@code name} ({@code target_group_arn}, {@code container_name}, {@code container_port}). */
        public Optional<Value> get(String name) {
            return entry.get(name);
        }

        /** The Classic Load Balancer it names ({@code elb_name} / {@code LoadBalancerName}), when it names one. */
        public Optional<Value> classicLoadBalancer() {
            return get("elb_name").or(() -> get("load_balancer_name"));
        }

        /** The property path of an entry, {@code load_balancers[0].container_name}. */
        public String path(String name) {
            return "load_balancers[" + index + "]." + name;
        }
    }

    /** The registrations of {@code service}; unknown when the list or an entry is not known (a dynamic block). */
    public static Known<List<Registration>> of(Resource service) {
        Optional<Value> v = service.properties().get("load_balancers");
        if (v.isEmpty() || v.get() instanceof Value.Null) {
            return Known.of(List.of());
        }
        if (!(v.get() instanceof Value.ListValue list)) {
            return Known.unknown("the load balancers of " + service.address() + " are not known");
        }
        List<Registration> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Value.MapValue map)) {
                return Known.unknown("a load balancer of " + service.address() + " is not known");
            }
            out.add(new Registration(i, map));
        }
        return Known.of(out);
    }
}
