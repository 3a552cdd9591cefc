package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import java.util.ArrayList;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.dsl.aws.NetworkEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.dsl.aws.EcrEndpoints;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.ImageReference;
import dev.preflight.dsl.aws.Network;
import dev.preflight.dsl.aws.OutboundPath;
import dev.preflight.dsl.aws.RouteTable;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Fargate tasks in public subnets without a public IP: the internet gateway only serves addresses that have a
 * public IP, so the tasks have no way to any registry and stop with ResourceInitializationError. The deploy passes.
 */
@AutoService(Rule.class)
public final class PublicSubnetWithoutPublicIp extends DslRule {
    public static final String ID = "public-subnet-without-public-ip";

    public PublicSubnetWithoutPublicIp() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Fargate service in public subnets without a public IP cannot pull its image")
                .prevents("ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout")
                .check(resources(Kind.ECS_SERVICE).that(Ecs.runOnFargate()).and(assignNoPublicIp())
                        .should(reachTheRegistriesOfItsImages())
                        .because("an internet gateway only routes for interfaces that have a public IP"))
                .fix(Format.TERRAFORM, "Set assign_public_ip = true in network_configuration, or move the tasks to "
                        + "private subnets with a NAT gateway, or add ECR VPC endpoints (ecr.api, ecr.dkr, S3 "
                        + "gateway) for ECR images.")
                .fix(Format.CLOUDFORMATION, "Set AssignPublicIp: ENABLED in AwsvpcConfiguration, or move the tasks "
                        + "to private subnets with a NAT gateway, or add ECR VPC endpoints (ecr.api, ecr.dkr, S3 "
                        + "gateway) for ECR images.")
                .doc(DOC);
    }

    /** Services whose awsvpc configuration leaves the public IP off (the default in both formats). */
    static ResourcePredicate assignNoPublicIp() {
        return ResourcePredicate.of("assign no public IP to their tasks", (service, graph) -> {
            Optional<Value> v = publicIp(service);
            if (Values.isSet(v) == Truth.FALSE) {
                return Truth.TRUE;
            }
            return Values.resolvedString(v.get(), graph)
                    .map(s -> Truth.of(s.equalsIgnoreCase("false") || s.equalsIgnoreCase("DISABLED")))
                    .orElse(Truth.UNKNOWN);
        });
    }

    private static Optional<Value> publicIp(Resource service) {
        Optional<Value> tf = service.property("network_configuration.assign_public_ip");
        return tf.isPresent() ? tf : service.property("network_configuration.awsvpc_configuration.assign_public_ip");
    }

    static ResourceCondition reachTheRegistriesOfItsImages() {
        return ResourceCondition.of("reach the registries of its images", PublicSubnetWithoutPublicIp::check);
    }

    private static void check(Resource service, ResourceGraph graph, ConditionEvents events) {
        Related subnets = Ecs.serviceSubnets().from(service, graph);
        if (!subnets.complete() || subnets.isEmpty()) {
            events.unknown(service, subnets.complete() ? "the service has no subnets" : subnets.unknownReason());
            return;
        }
        Related task = Ecs.taskDefinition().from(service, graph);
        if (task.isEmpty()) {
            events.unknown(service, task.unknownReason());
            return;
        }
        Optional<List<Container>> containers = ContainerDefinitions.of(task.resources().get(0));
        if (containers.isEmpty() || containers.get().isEmpty()) {
            events.unknown(service, "the containers are not known");
            return;
        }
        String internetImage = null;
        List<Evidence> evidence = new ArrayList<>();
        for (Container c : containers.get()) {
            Truth ecr = c.image().map(i -> ImageReference.of(i, graph).fromEcr()).orElse(Truth.UNKNOWN);
            if (ecr == Truth.UNKNOWN) {
                events.unknown(service, "the registry of container " + c.name() + " is not known");
                return;
            }
            if (ecr == Truth.FALSE && internetImage == null) {
                internetImage = Values.show(c.image().orElseThrow());
            }
            evidence.addAll(ServiceEvidence.imageRepositories(c.image().orElseThrow(), graph));
        }
        for (Resource subnet : subnets.resources()) {
            if (subnet.kind() != Kind.SUBNET || subnet.isDataSource()) {
                events.unknown(service, subnet.address() + " is not a subnet of this scan");
                return;
            }
            Known<OutboundPath> path = OutboundPath.ofSubnet(subnet, graph);
            if (!path.isKnown() || path.value() != OutboundPath.INTERNET_GATEWAY) {
                return;
            }
            evidence.addAll(NetworkEvidence.routing(subnet, graph, "sends its default route to an internet gateway"));
            if (internetImage == null) {
                Known<Resource> vpc = Network.vpcOf(subnet, graph);
                Known<RouteTable> table = Network.routeTableOf(subnet, graph);
                Known<List<String>> missing = vpc.flatMap(v -> table.flatMap(t -> EcrEndpoints.missing(v, t, graph)));
                if (!missing.isKnown() || missing.value().isEmpty()) {
                    return;
                }
                evidence.add(NetworkEvidence.vpc(vpc.value(), "has no " + String.join(", ", missing.value())
                        + " endpoint for " + table.value().shown()));
            }
        }
        task.resources().forEach(t -> evidence.add(ServiceEvidence.taskDefinition(t, "container_definitions",
                "is the task definition the service runs")));
        Optional<Value> written = publicIp(service);
        String why = internetImage != null ? "image " + internetImage + " is pulled from the internet"
                : "its ECR images need ECR VPC endpoints (ecr.api, ecr.dkr and an S3 gateway), which are missing";
        events.violated(service, service.address() + " runs Fargate tasks in public subnets (default route to an "
                        + "internet gateway) without a public IP, and " + why + ": the tasks cannot pull it",
                written.map(Value::span).orElse(service.spanOf("network_configuration")),
                "network_configuration.assign_public_ip",
                written.map(Values::show).orElse("(absent)"), evidence);
    }

    private static final String DOC = """
            # public-subnet-without-public-ip

            An ECS service on Fargate whose subnets' route tables send the default route `0.0.0.0/0` to an
            internet gateway (public subnets; a route's target is what its value names, so a NAT gateway written
            in `gateway_id` / `GatewayId` makes a private subnet), with `assign_public_ip` false or omitted (CloudFormation:
            `AssignPublicIp: DISABLED` or omitted; disabled is the default in both formats), whose task pulls
            an image from the internet (Docker Hub, ECR Public, any registry outside ECR), or from private ECR
            while the VPC lacks the `ecr.api` and `ecr.dkr` interface endpoints and the S3 gateway endpoint.

            ## What AWS says

            The deploy succeeds; each task then stops with:

            ```
            ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval
            failed: unable to retrieve ecr registry auth: ... dial tcp ...: i/o timeout
            CannotPullContainerError: ... dial tcp ...: i/o timeout
            ```

            ## Why it matters

            An internet gateway only translates addresses for network interfaces that have a public IP. A Fargate
            task in a public subnet without one has no NAT to go through, so it reaches nothing outside the VPC:
            not the registry, not ECR, not CloudWatch Logs. The service never gets a healthy task. preflight stays
            silent when a subnet, its route table, a route, an image or the public IP setting is not known before
            apply, and when any subnet of the service has another way out.

            ## What it leaves alone, and why

            - Services on the EC2 launch type, and services with any subnet that has another way out. A Fargate task in a
              public subnet needs a public IP to reach the internet through the internet gateway
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html).
            - Private ECR images when the VPC has the ECR and S3 endpoints.

            ## Bad

            ```hcl
            resource "aws_ecs_service" "app" {
              name            = "app"
              cluster         = aws_ecs_cluster.main.id
              task_definition = aws_ecs_task_definition.app.arn # image = "nginx:1.27"
              launch_type     = "FARGATE"
              network_configuration {
                subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id] # 0.0.0.0/0 -> internet gateway
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                LaunchType: FARGATE
                TaskDefinition: !Ref TaskDefinition
                NetworkConfiguration:
                  AwsvpcConfiguration:
                    Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
                    AssignPublicIp: DISABLED
            ```

            ## Good

            ```hcl
            network_configuration {
              subnets          = [aws_subnet.public_a.id, aws_subnet.public_b.id]
              assign_public_ip = true
            }
            ```

            ```yaml
            NetworkConfiguration:
              AwsvpcConfiguration:
                Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
                AssignPublicIp: ENABLED
            ```

            (Private subnets with a NAT gateway default route are the other common fix.)

            """ + RuleDocs.suppression(ID);
}
