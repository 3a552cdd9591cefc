package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.Optional;

/** A task definition that requires Fargate in a network mode other than awsvpc (bridge when omitted). */
@AutoService(Rule.class)
public final class FargateNetworkMode extends DslRule {
    public static final String ID = "fargate-network-mode";

    public FargateNetworkMode() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Task definition that requires Fargate without network mode awsvpc")
                .prevents("ClientException: Fargate only supports network mode 'awsvpc'.")
                .check(resources(Kind.ECS_TASK_DEFINITION).that(Ecs.requiresFargate())
                        .should(useNetworkModeAwsvpc())
                        .because("every Fargate task gets its own network interface"))
                .fix(Format.TERRAFORM, "Set network_mode = \"awsvpc\".")
                .fix(Format.CLOUDFORMATION, "Set NetworkMode: awsvpc.")
                .doc(DOC);
    }

    static ResourceCondition useNetworkModeAwsvpc() {
        return ResourceCondition.of("use network mode awsvpc", (task, graph, events) -> {
            Optional<Value> mode = task.property("network_mode");
            if (Values.isSet(mode) == Truth.FALSE) {
                events.violated(task, task.address() + " requires FARGATE but sets no network mode, so it gets "
                        + "bridge; Fargate only supports awsvpc", null, "network_mode", "(absent)",
                        ServiceEvidence.launchTypes(task));
                return;
            }
            Optional<String> known = Values.resolvedString(mode.get(), graph);
            if (known.isEmpty()) {
                events.unknown(task, "network mode " + Values.show(mode.get()) + " is not known");
            } else if (!known.get().equals("awsvpc")) {
                events.violated(task, task.address() + " requires FARGATE with network mode " + known.get()
                        + "; Fargate only supports awsvpc", mode.get().span(), "network_mode", known.get(),
                        ServiceEvidence.launchTypes(task));
            }
        });
    }

    private static final String DOC = """
            # fargate-network-mode

            A task definition that requires Fargate (`requires_compatibilities` / `RequiresCompatibilities`
            contains `FARGATE`) whose `network_mode` / `NetworkMode` is not `awsvpc`, or is omitted: the ECS API
            then uses `bridge`.

            ## What AWS says

            ```
            ClientException: Fargate only supports network mode 'awsvpc'.
            ```

            ## Why it matters

            RegisterTaskDefinition refuses the definition and the deploy fails. Fargate gives every task its own
            elastic network interface; `bridge`, `host` and `none` do not exist there.

            ## What it leaves alone, and why

            - Task definitions that do not require Fargate: EC2 container instances also take `bridge`, `host` and `none`
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html, network mode).

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              cpu                      = "256"
              memory                   = "512"
              container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: bridge
                Cpu: "256"
                Memory: "512"
                ContainerDefinitions:
                  - Name: app
                    Image: nginx:1.27
            ```

            ## Good

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "512"
              container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: awsvpc
                Cpu: "256"
                Memory: "512"
                ContainerDefinitions:
                  - Name: app
                    Image: nginx:1.27
            ```

            """ + RuleDocs.suppression(ID);
}
