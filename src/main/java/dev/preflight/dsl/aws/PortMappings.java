package dev.preflight.dsl.aws;

import dev.preflight.dsl.Values;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The port mappings of a container, with the ports that are known as numbers.
 *
 * <pre>{@code
 * for (PortMappings.PortMapping m : PortMappings.of(container, graph)) { ... }
 * }</pre>
 */
public final class PortMappings {
    private PortMappings() {
    }

    /**
     * One entry of {@code portMappings}: its index, its known container and host ports (empty when absent or not
     * known), and the written host port value for findings.
     */
    public record PortMapping(int index, Optional<Long> containerPort, Optional<Long> hostPort, Value hostPortValue,
                              boolean containerPortKnown) {
    }

    /** The mappings of {@code container}; entries that are not maps are skipped. */
    public static List<PortMapping> of(ContainerDefinitions.Container container, ResourceGraph graph) {
        List<PortMapping> out = new ArrayList<>();
        Optional<Value> mappings = container.definition().get("portMappings");
        if (mappings.isEmpty() || !(mappings.get() instanceof Value.ListValue list)) {
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Value.MapValue m)) {
                continue;
            }
            Optional<Value> container0 = m.get("containerPort");
            Optional<Value> host = m.get("hostPort");
            Optional<Long> containerPort = container0.flatMap(v -> number(v, graph));
            out.add(new PortMapping(i, containerPort, host.flatMap(v -> number(v, graph)), host.orElse(null),
                    container0.isEmpty() || containerPort.isPresent()));
        }
        return out;
    }

    /** Whether every mapping of {@code container} could be read (no port from an unknown value). */
    public static boolean allKnown(ContainerDefinitions.Container container, ResourceGraph graph) {
        Optional<Value> mappings = container.definition().get("portMappings");
        if (mappings.isEmpty() || mappings.get() instanceof Value.Null) {
            return true;
        }
        if (!(mappings.get() instanceof Value.ListValue list)) {
            return false;
        }
        for (Value item : list.items()) {
            if (!(item instanceof Value.MapValue m)) {
                return false;
            }
            Optional<Value> port = m.get("containerPort");
            if (port.isPresent() && number(port.get(), graph).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A whole number written as a number or a string, after following references. */
    public static Optional<Long> number(Value value, ResourceGraph graph) {
        return Values.resolvedString(value, graph).flatMap(s -> {
            try {
                return Optional.of(new BigDecimal(s.trim()).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        });
    }
}
