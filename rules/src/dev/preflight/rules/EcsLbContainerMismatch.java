package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.PortMappings;
import dev.preflight.dsl.aws.ServiceLoadBalancers;
import dev.preflight.dsl.aws.ServiceLoadBalancers.Registration;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * A service's load balancer names a container, or a container port, that its task definition does not have:
 * CreateService refuses it, and it is easy to do when a container is renamed or its port changes.
 */
@AutoService(Rule.class)
public final class EcsLbContainerMismatch extends DslRule {
    public static final String ID = "ecs-lb-container-mismatch";

    public EcsLbContainerMismatch() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("ECS service load balancer container name or port not in its task definition")
                .prevents("InvalidParameterException: The container NAME did not have a container port PORT "
                        + "defined.")
                .check(resources(Kind.ECS_SERVICE)
                        .should(nameContainersAndPortsOfItsTaskDefinition())
                        .because("ECS registers the named container's mapped port with the load balancer"))
                .fix(Format.TERRAFORM, "In load_balancer, set container_name to a container of the task definition "
                        + "and container_port to a containerPort of its portMappings.")
                .fix(Format.CLOUDFORMATION, "In LoadBalancers, set ContainerName to a container of the task "
                        + "definition and ContainerPort to a ContainerPort of its PortMappings.")
                .doc(DOC);
    }

    static ResourceCondition nameContainersAndPortsOfItsTaskDefinition() {
        return ResourceCondition.of("name a container and container port of its task definition",
                EcsLbContainerMismatch::check);
    }

    private static void check(Resource service, ResourceGraph graph, ConditionEvents events) {
        Known<List<Registration>> registrations = ServiceLoadBalancers.of(service);
        if (!registrations.isKnown() || registrations.value().isEmpty()) {
            return;
        }
        Related task = Ecs.taskDefinition().from(service, graph);
        if (task.isEmpty()) {
            events.unknown(service, task.unknownReason());
            return;
        }
        Optional<List<Container>> containers = ContainerDefinitions.of(task.resources().get(0));
        if (containers.isEmpty() || containers.get().isEmpty()) {
            events.unknown(service, "the containers of the task definition are not known");
            return;
        }
        for (Container c : containers.get()) {
            if (c.definition().get("name").flatMap(v -> Values.resolvedString(v, graph)).isEmpty()) {
                events.unknown(service, "a container name of the task definition is not known");
                return;
            }
        }
        for (Registration r : registrations.value()) {
            Optional<Value> nameValue = r.get("container_name");
            Optional<String> name = nameValue.flatMap(v -> Values.resolvedString(v, graph));
            if (name.isEmpty()) {
                continue;
            }
            Optional<Container> named = containers.get().stream()
                    .filter(c -> c.definition().get("name").flatMap(v -> Values.resolvedString(v, graph))
                            .orElseThrow().equals(name.get()))
                    .findFirst();
            String taskAddress = task.resources().get(0).address();
            if (named.isEmpty()) {
                events.violated(service, service.address() + " registers container " + name.get()
                                + " with its load balancer, but " + taskAddress + " has no container of that name",
                        nameValue.get().span(), r.path("container_name"), name.get());
                continue;
            }
            Optional<Value> portValue = r.get("container_port");
            Optional<Long> port = portValue.flatMap(v -> PortMappings.number(v, graph));
            if (port.isEmpty() || !PortMappings.allKnown(named.get(), graph)) {
                continue;
            }
            boolean mapped = PortMappings.of(named.get(), graph).stream()
                    .anyMatch(m -> m.containerPort().filter(port.get()::equals).isPresent());
            if (!mapped) {
                events.violated(service, service.address() + " registers port " + port.get() + " of container "
                                + name.get() + " with its load balancer, but the container has no port mapping for "
                                + "container port " + port.get() + " in " + taskAddress,
                        portValue.get().span(), r.path("container_port"), name.get() + ":" + port.get());
            }
        }
    }

    private static final String DOC = """
            # ecs-lb-container-mismatch

            An ECS service whose `load_balancer` block / `LoadBalancers` entry names a `container_name` /
            `ContainerName` that no container of its task definition has, or a `container_port` /
            `ContainerPort` that the named container does not map (`portMappings[].containerPort`).

            ## What AWS says

            ```
            InvalidParameterException: The container NAME did not have a container port PORT defined.
            ```

            For an unknown container name the exact message is UNCONFIRMED; CreateService refuses it as an
            invalid parameter too.

            ## Why it matters

            CreateService or UpdateService fails, so the deploy stops after the task definition revision was
            registered. It typically happens when a container is renamed (`app` to `web`) or its port changes and
            the service block is not updated with it. preflight stays silent when the task definition, a
            container name or a port is not known before apply.

            ## What it leaves alone, and why

            Nothing but unknown values: every load balancer registration names a container and a port of the task definition
            (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html).

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              # ...
              container_definitions = jsonencode([{
                name         = "web"
                image        = "nginx:1.27"
                portMappings = [{ containerPort = 80 }]
              }])
            }

            resource "aws_ecs_service" "app" {
              # ...
              task_definition = aws_ecs_task_definition.app.arn
              load_balancer {
                target_group_arn = aws_lb_target_group.app.arn
                container_name   = "app"
                container_port   = 8080
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                TaskDefinition: !Ref TaskDefinition
                LoadBalancers:
                  - TargetGroupArn: !Ref TargetGroup
                    ContainerName: app
                    ContainerPort: 8080
            ```

            ## Good

            ```hcl
            load_balancer {
              target_group_arn = aws_lb_target_group.app.arn
              container_name   = "web"
              container_port   = 80
            }
            ```

            ```yaml
            LoadBalancers:
              - TargetGroupArn: !Ref TargetGroup
                ContainerName: web
                ContainerPort: 80
            ```

            """ + RuleDocs.suppression(ID);
}
