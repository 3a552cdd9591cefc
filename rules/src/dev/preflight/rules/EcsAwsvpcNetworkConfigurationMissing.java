package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * An ECS service whose task definition uses the awsvpc network mode, written without a network configuration:
 * CreateService refuses it, since each task's network interface needs subnets.
 */
@AutoService(Rule.class)
public final class EcsAwsvpcNetworkConfigurationMissing extends DslRule {
    public static final String ID = "ecs-awsvpc-network-configuration-missing";

    public EcsAwsvpcNetworkConfigurationMissing() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("ECS service of an awsvpc task definition without a network configuration")
                .prevents("InvalidParameterException: Network Configuration must be provided when networkMode "
                        + "'awsvpc' is specified.")
                .check(resources(Kind.ECS_SERVICE)
                        .should(haveANetworkConfigurationForAwsvpc())
                        .because("each awsvpc task gets its own network interface, in the service's subnets"))
                .fix("Add network_configuration { subnets, security_groups } (NetworkConfiguration: "
                        + "AwsvpcConfiguration: {Subnets, SecurityGroups}) to the service.")
                .doc(DOC);
    }

    static ResourceCondition haveANetworkConfigurationForAwsvpc() {
        return ResourceCondition.of("have a network configuration when its task definition uses awsvpc",
                (service, graph, events) -> {
                    if (service.isDataSource()
                            || Values.isSet(service.property("network_configuration")) != Truth.FALSE
                            || !managedByEcsOrCodeDeploy(service, graph)) {
                        return;
                    }
                    Related task = Ecs.taskDefinition().from(service, graph);
                    if (task.isEmpty()) {
                        return;
                    }
                    Resource definition = task.resources().get(0);
                    Optional<Value> mode = definition.property("network_mode");
                    if (mode.flatMap(v -> Values.resolvedString(v, graph)).filter("awsvpc"::equals).isEmpty()) {
                        return;
                    }
                    events.violated(service, service.address() + " runs " + definition.address() + ", whose "
                                    + "network mode is awsvpc, but has no network configuration: ECS refuses to "
                                    + "create the service", null, "network_configuration", "(absent)",
                            List.of(Evidence.resource(Optional.ofNullable(mode.get().span())
                                    .orElse(definition.span()), definition.address() + " uses network mode awsvpc")));
                });
    }

    /** An EXTERNAL deployment controller gives each task set its own network configuration, not the service. */
    private static boolean managedByEcsOrCodeDeploy(Resource service, ResourceGraph graph) {
        Optional<Value> controller = service.property("deployment_controller.type");
        return controller.isEmpty() || Values.resolvedString(controller.get(), graph)
                .map(type -> !type.equals("EXTERNAL")).orElse(false);
    }

    private static final String DOC = """
            # ecs-awsvpc-network-configuration-missing

            An ECS service (`aws_ecs_service`, `AWS::ECS::Service`) with no `network_configuration` /
            `NetworkConfiguration`, whose task definition (a task definition of the scan, by reference) has
            `network_mode` / `NetworkMode` `awsvpc`. Every Fargate task definition uses awsvpc, and so do many EC2
            ones. A service whose task definition is not in the scan, or whose network mode is not known before
            apply, is not judged, nor is a service with the `EXTERNAL` deployment controller (its task sets carry
            the network configuration).

            ## What AWS says

            In the awsvpc network mode each task gets its own elastic network interface, placed in the subnets and
            security groups of the service's network configuration; the ECS API reference for CreateService says
            the network configuration is required for task definitions that use awsvpc. CreateService fails with
            `InvalidParameterException: Network Configuration must be provided when networkMode 'awsvpc' is
            specified.`, and the apply or the stack fails there.

            ## Bad

            ```hcl
            resource "aws_ecs_service" "app" {
              name            = "app"
              cluster         = aws_ecs_cluster.main.id
              task_definition = aws_ecs_task_definition.app.arn # network_mode = "awsvpc"
              desired_count   = 2
              launch_type     = "FARGATE"
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                Cluster: !Ref Cluster
                TaskDefinition: !Ref TaskDefinition # NetworkMode: awsvpc
                DesiredCount: 2
                LaunchType: FARGATE
            ```

            ## Good

            ```hcl
            resource "aws_ecs_service" "app" {
              # ...
              network_configuration {
                subnets         = aws_subnet.private[*].id
                security_groups = [aws_security_group.app.id]
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                # ...
                NetworkConfiguration:
                  AwsvpcConfiguration:
                    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
                    SecurityGroups: [!Ref AppSecurityGroup]
            ```

            ## Sources

            - Amazon ECS API Reference, CreateService (networkConfiguration):
              https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
            - Amazon ECS Developer Guide, "Amazon ECS task networking options for the awsvpc network mode".
            - The error as CloudFormation prints it, e.g. in tryretool/retool-onpremise#84.

            """ + RuleDocs.suppression(ID);
}
