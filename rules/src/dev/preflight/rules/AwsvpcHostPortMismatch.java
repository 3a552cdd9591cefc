package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.dsl.aws.PortMappings;
import dev.preflight.dsl.aws.PortMappings.PortMapping;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.List;

/** In awsvpc mode the task's interface is the host: a host port other than the container port cannot exist. */
@AutoService(Rule.class)
public final class AwsvpcHostPortMismatch extends DslRule {
    public static final String ID = "awsvpc-host-port-mismatch";

    public AwsvpcHostPortMismatch() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Port mapping in awsvpc mode whose hostPort differs from its containerPort")
                .prevents("ClientException: When networkMode=awsvpc, the host ports and container ports in port "
                        + "mappings must match.")
                .check(resources(Kind.ECS_TASK_DEFINITION).that(useNetworkModeAwsvpc())
                        .should(mapEachPortToItself())
                        .because("in awsvpc mode the task's own network interface receives the traffic"))
                .fix("Remove hostPort, or set it to the containerPort.")
                .doc(DOC);
    }

    static ResourcePredicate useNetworkModeAwsvpc() {
        return ResourcePredicate.of("use network mode awsvpc", (task, graph) -> task.property("network_mode")
                .flatMap(v -> dev.preflight.dsl.Values.resolvedString(v, graph))
                .map(m -> Truth.of(m.equals("awsvpc")))
                .orElse(task.property("network_mode").isPresent() ? Truth.UNKNOWN : Truth.FALSE));
    }

    static ResourceCondition mapEachPortToItself() {
        return ResourceCondition.of("map each host port to the same container port", (task, graph, events) -> {
            for (Container c : ContainerDefinitions.of(task).orElse(List.of())) {
                for (PortMapping m : PortMappings.of(c, graph)) {
                    if (m.hostPort().isPresent() && m.containerPort().isPresent()
                            && !m.hostPort().get().equals(m.containerPort().get())) {
                        Value at = m.hostPortValue();
                        events.violated(task, "container " + c.name() + " of " + task.address() + " maps host port "
                                        + m.hostPort().get() + " to container port " + m.containerPort().get()
                                        + " in awsvpc mode, where they must match",
                                at.span(), c.path("portMappings[" + m.index() + "].hostPort"),
                                m.hostPort().get() + ":" + m.containerPort().get());
                    }
                }
            }
        });
    }

    private static final String DOC = """
            # awsvpc-host-port-mismatch

            A task definition in `awsvpc` network mode (always the case on Fargate) with a port mapping whose
            `hostPort` / `HostPort` is set and differs from its `containerPort` / `ContainerPort`. Terraform
            container definitions are read from `jsonencode`, heredocs and `templatefile()` templates; a mapping
            whose ports are not known before apply (`"containerPort": ${var.port}` with no default) is skipped, and
            the other mappings of the same document are still checked.

            ## What AWS says

            ```
            ClientException: When networkMode=awsvpc, the host ports and container ports in port mappings must match.
            ```

            ## Why it matters

            RegisterTaskDefinition refuses the definition, so the deploy fails. In awsvpc mode each task has its
            own network interface: there is no host port to translate, so `hostPort` may only be omitted or
            repeat the container port. A `hostPort` of 0 (dynamic port mapping, a bridge-mode habit) is refused
            too.

            ## What it leaves alone, and why

            - Port mappings without `hostPort`, or with the same value as `containerPort`: in `awsvpc` (and `host`)
              mode those are the two forms the API accepts
              (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).
            - Task definitions in `bridge` mode, where any host port (or 0, a dynamic port) is valid (same page).
            - Not checked: `host` network mode has the same constraint; this rule judges `awsvpc` only.

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "512"
              container_definitions = jsonencode([{
                name         = "app"
                image        = "nginx:1.27"
                portMappings = [{ containerPort = 8080, hostPort = 80 }]
              }])
            }
            ```

            ```yaml
            ContainerDefinitions:
              - Name: app
                Image: nginx:1.27
                PortMappings:
                  - ContainerPort: 8080
                    HostPort: 80
            ```

            ## Good

            ```hcl
            portMappings = [{ containerPort = 8080 }]
            ```

            ```yaml
            PortMappings:
              - ContainerPort: 8080
            ```

            """ + RuleDocs.suppression(ID);
}
