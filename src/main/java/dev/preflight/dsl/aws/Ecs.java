package dev.preflight.dsl.aws;

import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ECS vocabulary: Fargate task definitions and services, their containers, their images.
 *
 * <pre>{@code
 * resources(Kind.ECS_TASK_DEFINITION).that(Ecs.requiresFargate()).and(Ecs.pullFromEcr())
 * resources(Kind.ECS_SERVICE).that(Ecs.runOnFargate())
 * }</pre>
 */
public final class Ecs {
    private static final Set<String> FARGATE_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");

    private Ecs() {
    }

    /** Task definitions whose {@code requires_compatibilities} lists FARGATE (Fargate validates them at register). */
    public static ResourcePredicate requiresFargate() {
        return ResourcePredicate.of("require FARGATE", (r, g) -> compatibilities(r)
                .map(list -> Truth.of(list.contains("FARGATE")))
                .orElse(r.property("requires_compatibilities").isEmpty() ? Truth.FALSE : Truth.UNKNOWN));
    }

    /**
     * Whether a task definition can only run on EC2 container instances: its {@code requires_compatibilities} is known
     * and lists EC2 alone. Unknown when the list is absent (such a definition may still run on Fargate) or unknown.
     */
    public static Truth runsOnlyOnEc2(Resource taskDefinition) {
        return compatibilities(taskDefinition).map(list -> Truth.of(list.equals(List.of("EC2"))))
                .orElse(Truth.UNKNOWN);
    }

    /** The known launch types a task definition requires; empty when the list is not known. */
    private static Optional<List<String>> compatibilities(Resource taskDefinition) {
        Optional<Value> v = taskDefinition.property("requires_compatibilities");
        if (v.isEmpty() || !(v.get() instanceof Value.ListValue list)) {
            return Optional.empty();
        }
        List<Optional<String>> items = list.items().stream().map(Values::knownString).toList();
        if (items.stream().anyMatch(Optional::isEmpty)) {
            // one unknown entry could be FARGATE; a known FARGATE entry still decides "requires"
            return items.stream().anyMatch(o -> o.filter("FARGATE"::equals).isPresent())
                    ? Optional.of(List.of("FARGATE")) : Optional.empty();
        }
        return Optional.of(items.stream().map(Optional::get).toList());
    }

    /** Task definitions with at least one container whose image is from a private ECR registry. */
    public static ResourcePredicate pullFromEcr() {
        return ResourcePredicate.of("pull an image from ECR", Ecs::pullsFromEcr);
    }

    /** Whether a task definition has a container with an ECR image (TRUE as soon as one is known to). */
    public static Truth pullsFromEcr(Resource taskDefinition, ResourceGraph graph) {
        Optional<List<ContainerDefinitions.Container>> containers = ContainerDefinitions.of(taskDefinition);
        if (containers.isEmpty()) {
            return Truth.UNKNOWN;
        }
        Truth any = Truth.FALSE;
        for (ContainerDefinitions.Container c : containers.get()) {
            any = any.or(c.image().map(i -> ImageReference.of(i, graph).fromEcr()).orElse(Truth.FALSE));
        }
        return any;
    }

    /** The first container whose image is known to come from ECR. */
    public static Optional<ContainerDefinitions.Container> firstEcrContainer(Resource taskDefinition,
                                                                           ResourceGraph graph) {
        return ContainerDefinitions.of(taskDefinition).orElse(List.of()).stream()
                .filter(c -> c.image().map(i -> ImageReference.of(i, graph).fromEcr().isTrue()).orElse(false))
                .findFirst();
    }

    /** The task definition a service runs ({@code task_definition}, a reference or a family:revision template). */
    public static Traversal taskDefinition() {
        return Traversal.of("the task definition of the service", (service, g) -> {
            Optional<Value> v = service.property("task_definition");
            if (v.isEmpty()) {
                return Related.partly(List.of(), "task definition not written");
            }
            List<Value> candidates = v.get() instanceof Value.Template t ? t.parts() : List.of(v.get());
            for (Value part : candidates) {
                for (Resource r : Values.referencedResources(part, g)) {
                    if (r.kind() == Kind.ECS_TASK_DEFINITION) {
                        return Related.exactly(List.of(r));
                    }
                }
            }
            return Related.partly(List.of(), "task definition " + Values.show(v.get()) + " is not in this scan");
        });
    }

    /** The subnets a service's tasks are placed in (awsvpc network configuration, in either format). */
    public static Traversal serviceSubnets() {
        return Traversal.of("the subnets of the service", (service, g) -> {
            Optional<Value> v = service.property("network_configuration.subnets");
            if (v.isEmpty()) {
                v = service.property("network_configuration.awsvpc_configuration.subnets");
            }
            return Traversal.followValue(v, "network_configuration.subnets", g);
        });
    }

    /**
     * Services whose tasks run on Fargate: launch type FARGATE, a capacity provider strategy of Fargate providers
     * only, or neither written and a task definition that can only run on Fargate.
     */
    public static ResourcePredicate runOnFargate() {
        return ResourcePredicate.of("run on Fargate", (service, g) -> {
            Optional<Value> launchType = service.property("launch_type");
            if (launchType.isPresent() && !(launchType.get() instanceof Value.Null)) {
                return Values.knownString(launchType.get()).map(t -> Truth.of(t.equals("FARGATE")))
                        .orElse(Truth.UNKNOWN);
            }
            Optional<Value> strategy = service.property("capacity_provider_strategy");
            if (strategy.isPresent() && !(strategy.get() instanceof Value.Null)) {
                return fargateStrategy(strategy.get());
            }
            // no launch type and no strategy: the cluster's default strategy decides, unless the task can only
            // ever run on Fargate
            Related task = taskDefinition().from(service, g);
            if (task.isEmpty()) {
                return Truth.UNKNOWN;
            }
            return onlyFargate(task.resources().get(0));
        });
    }

    private static Truth onlyFargate(Resource taskDefinition) {
        return compatibilities(taskDefinition).map(list -> list.equals(List.of("FARGATE")) ? Truth.TRUE
                : Truth.UNKNOWN).orElse(Truth.UNKNOWN);
    }

    private static Truth fargateStrategy(Value strategy) {
        if (!(strategy instanceof Value.ListValue list) || list.items().isEmpty()) {
            return Truth.UNKNOWN;
        }
        Truth all = Truth.TRUE;
        for (Value item : list.items()) {
            if (!(item instanceof Value.MapValue map)) {
                return Truth.UNKNOWN;
            }
            all = all.and(map.get("capacity_provider").flatMap(Values::knownString)
                    .map(p -> Truth.of(FARGATE_PROVIDERS.contains(p))).orElse(Truth.UNKNOWN));
        }
        return all;
    }
}
