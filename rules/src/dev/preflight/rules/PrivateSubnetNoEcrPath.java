package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
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
import dev.preflight.dsl.aws.EcrEndpoints;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.Network;
import dev.preflight.dsl.aws.OutboundPath;
import dev.preflight.dsl.aws.RouteTable;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Fargate service whose tasks sit in subnets with no way out of the VPC and no ECR endpoints: the tasks start,
 * cannot reach ECR, and stop with ResourceInitializationError. The deploy itself succeeds, which is what makes this
 * expensive: it fails at run time, often only in the environment that has no NAT gateway.
 */
@AutoService(Rule.class)
public final class PrivateSubnetNoEcrPath extends DslRule {
    public static final String ID = "private-subnet-no-ecr-path";

    public PrivateSubnetNoEcrPath() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Fargate service in private subnets with neither a NAT gateway nor ECR VPC endpoints")
                .prevents("ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout")
                .check(resources(Kind.ECS_SERVICE).that(Ecs.runOnFargate()).and(runTasksPullingFromEcr())
                        .should(haveANetworkPathToEcr())
                        .because("Fargate pulls images through the task's own network interface"))
                .fix("Add a NAT gateway default route to the subnets' route table, or create VPC endpoints: "
                        + "interface endpoints for com.amazonaws.REGION.ecr.api and ecr.dkr (private DNS on) and an "
                        + "S3 gateway endpoint on the subnets' route tables.")
                .doc(DOC);
    }

    /** Services whose task definition has a container image from ECR. */
    static ResourcePredicate runTasksPullingFromEcr() {
        return ResourcePredicate.of("run tasks that pull from ECR", (service, graph) -> {
            Related task = Ecs.taskDefinition().from(service, graph);
            return task.isEmpty() ? Truth.UNKNOWN : Ecs.pullsFromEcr(task.resources().get(0), graph);
        });
    }

    /** At least one subnet can reach ECR: a route out of the VPC, or all three endpoints. */
    static ResourceCondition haveANetworkPathToEcr() {
        return ResourceCondition.of("have a network path to ECR from its subnets", (service, graph, events) -> {
            Related subnets = Ecs.serviceSubnets().from(service, graph);
            if (!subnets.complete() || subnets.isEmpty()) {
                events.unknown(service, subnets.complete() ? "the service has no subnets" : subnets.unknownReason());
                return;
            }
            Set<String> missing = new LinkedHashSet<>();
            Set<String> vpcs = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            List<Evidence> task = new ArrayList<>();
            Ecs.taskDefinition().from(service, graph).resources().forEach(t -> {
                task.add(ServiceEvidence.taskDefinition(t, "container_definitions",
                        "is the task definition the service runs, and it pulls from ECR"));
                Ecs.firstEcrContainer(t, graph).flatMap(c -> c.image())
                        .ifPresent(image -> task.addAll(ServiceEvidence.imageRepositories(image, graph)));
            });
            for (Resource subnet : subnets.resources()) {
                if (subnet.kind() != Kind.SUBNET || subnet.isDataSource()) {
                    events.unknown(service, subnet.address() + " is not a subnet of this scan");
                    return;
                }
                Known<OutboundPath> path = OutboundPath.ofSubnet(subnet, graph);
                if (!path.isKnown()) {
                    events.unknown(service, path.unknownReason());
                    return;
                }
                if (path.value() != OutboundPath.NONE) {
                    events.satisfied(service, subnet.address() + " has a route out of its VPC", null,
                            "network_configuration.subnets", subnet.address());
                    return;
                }
                Known<Resource> vpc = Network.vpcOf(subnet, graph);
                Known<RouteTable> table = Network.routeTableOf(subnet, graph);
                Known<List<String>> lacking = vpc.flatMap(v -> table.flatMap(t -> EcrEndpoints.missing(v, t, graph)));
                if (!lacking.isKnown()) {
                    events.unknown(service, lacking.unknownReason());
                    return;
                }
                if (lacking.value().isEmpty()) {
                    events.satisfied(service, subnet.address() + " reaches ECR through VPC endpoints", null,
                            "network_configuration.subnets", subnet.address());
                    return;
                }
                missing.addAll(lacking.value());
                vpcs.add(vpc.value().address());
                names.add(subnet.address());
                // the subnet, its table and the VPC's missing endpoints first: what a short report shows
                List<Evidence> routing = NetworkEvidence.routing(subnet, graph, "has no route out of the VPC");
                routing.add(Math.min(2, routing.size()), NetworkEvidence.vpc(vpc.value(), "has no "
                        + String.join(", ", lacking.value()) + " endpoint for " + table.value().shown()));
                evidence.addAll(routing);
            }
            Optional<Value> written = service.property("network_configuration.subnets")
                    .or(() -> service.property("network_configuration.awsvpc_configuration.subnets"));
            events.violated(service, service.address() + " runs Fargate tasks that pull from ECR in private subnets "
                            + String.join(", ", names) + " with no NAT gateway or internet route, and VPC "
                            + String.join(", ", vpcs) + " has no " + describe(missing),
                    written.map(Value::span).orElse(null), "network_configuration.subnets",
                    written.map(Values::show).orElse(String.join(",", names)), concat(evidence, task));
        });
    }

    private static List<Evidence> concat(List<Evidence> a, List<Evidence> b) {
        List<Evidence> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String describe(Set<String> missing) {
        List<String> parts = new ArrayList<>();
        for (String m : missing) {
            parts.add(m.equals(EcrEndpoints.S3) ? "S3 gateway endpoint on the subnets' route table"
                    : m + " interface endpoint" + (m.equals(EcrEndpoints.ECR_DKR) ? " (with private DNS)" : ""));
        }
        return String.join(", ", parts);
    }

    private static final String DOC = """
            # private-subnet-no-ecr-path

            An ECS service running on Fargate (launch type `FARGATE`, a Fargate capacity provider strategy, or a
            task definition that can only run on Fargate) whose task definition pulls an image from ECR, where
            every subnet of `network_configuration.subnets` /
            `NetworkConfiguration.AwsvpcConfiguration.Subnets`:

            - has no route out of the VPC: its route table (the explicitly associated one, else the VPC's main
              route table) has no default route `0.0.0.0/0` to an internet gateway or a NAT gateway, nor any other
              route that could reach public addresses (a route's target is what its value names, whichever
              attribute holds it: a NAT gateway in `gateway_id` / `GatewayId` is a NAT gateway), and
            - its VPC lacks at least one of: an interface endpoint for `com.amazonaws.REGION.ecr.api`, one for
              `com.amazonaws.REGION.ecr.dkr` (with private DNS; an endpoint with `private_dns_enabled = false`
              does not count), and an `s3` **gateway** endpoint attached to the subnet's route table (image layers
              are served from S3).

            Service names may be interpolated (`com.amazonaws.${var.region}.ecr.dkr`): the known suffix is matched.

            ## What AWS says

            The deploy succeeds; the tasks then stop with:

            ```
            ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval
            failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError:
            send request failed caused by: Post "https://api.ecr.REGION.amazonaws.com/": dial tcp ...: i/o timeout
            ```

            ## Why it matters

            From platform version 1.4.0, Fargate pulls images (and registry auth) through the task's network
            interface. In a subnet without NAT or endpoints the pull times out, the service never becomes healthy
            and the deployment hangs until its circuit breaker or timeout.

            preflight stays silent whenever it cannot be sure: a subnet, route table association, route, endpoint
            VPC or endpoint service that is unknown before apply; a subnet, VPC or route table read from a data
            source or outside the scan (its routes and endpoints are managed elsewhere); a default route to a transit gateway, an
            instance or a peering connection (where it leads is not in the scan); routes to public ranges, prefix
            lists or IPv6 routes; services on the EC2 launch type (the host, not the task, pulls the image).

            ## What it leaves alone, and why

            - Services on the EC2 launch type: the container instance, not the task's interface, pulls the image. Fargate
              tasks on platform version 1.4.0 or later need the `ecr.api` and `ecr.dkr` interface endpoints and the S3 gateway
              endpoint when they have no other way out
              (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
            - Any route that might leave the VPC (a transit gateway, a peering connection, a public range, a prefix list):
              where it leads is not in the scan.

            ## Bad

            ```hcl
            resource "aws_ecs_service" "app" {
              name            = "app"
              cluster         = aws_ecs_cluster.main.id
              task_definition = aws_ecs_task_definition.app.arn
              launch_type     = "FARGATE"
              desired_count   = 2
              network_configuration {
                subnets = [aws_subnet.private_a.id, aws_subnet.private_b.id] # route table: local routes only
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                Cluster: !Ref Cluster
                LaunchType: FARGATE
                TaskDefinition: !Ref TaskDefinition
                NetworkConfiguration:
                  AwsvpcConfiguration:
                    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
            ```

            ## Good

            ```hcl
            resource "aws_vpc_endpoint" "ecr_api" {
              vpc_id              = aws_vpc.main.id
              service_name        = "com.amazonaws.${var.region}.ecr.api"
              vpc_endpoint_type   = "Interface"
              private_dns_enabled = true
              subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
            }

            resource "aws_vpc_endpoint" "ecr_dkr" {
              vpc_id              = aws_vpc.main.id
              service_name        = "com.amazonaws.${var.region}.ecr.dkr"
              vpc_endpoint_type   = "Interface"
              private_dns_enabled = true
              subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
            }

            resource "aws_vpc_endpoint" "s3" {
              vpc_id            = aws_vpc.main.id
              service_name      = "com.amazonaws.${var.region}.s3"
              vpc_endpoint_type = "Gateway"
              route_table_ids   = [aws_route_table.private.id]
            }
            ```

            ```yaml
            S3Endpoint:
              Type: AWS::EC2::VPCEndpoint
              Properties:
                VpcId: !Ref Vpc
                ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
                VpcEndpointType: Gateway
                RouteTableIds: [!Ref PrivateRouteTable]
            # plus ecr.api and ecr.dkr Interface endpoints with PrivateDnsEnabled: true
            ```

            (A NAT gateway default route on the private route table works too.)

            """ + RuleDocs.suppression(ID);
}
