package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import java.util.List;
import java.util.ArrayList;
import dev.preflight.dsl.aws.NetworkEvidence;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.aws.Network;
import dev.preflight.dsl.aws.OutboundPath;
import dev.preflight.dsl.aws.RouteTable;
import dev.preflight.dsl.aws.RouteTarget;
import dev.preflight.dsl.aws.S3GatewayEndpoints;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.Optional;

/**
 * Private subnets that reach S3 (and so ECR image layers) through a NAT gateway, which bills every GB it
 * processes, when an S3 gateway endpoint on their route table would carry the same traffic at no charge.
 */
@AutoService(Rule.class)
public final class NatWithoutS3GatewayEndpoint extends DslRule {
    public static final String ID = "nat-without-s3-gateway-endpoint";

    public NatWithoutS3GatewayEndpoint() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Route table with a NAT gateway default route and no S3 gateway endpoint")
                .prevents("NAT gateway data processing charges for every GB of S3 and ECR image-layer traffic")
                .check(resources(Kind.ROUTE_TABLE)
                        .should(sendS3TrafficToAGatewayEndpoint())
                        .because("S3 gateway endpoints are free, NAT gateways bill per GB processed"))
                .fix(Format.TERRAFORM, "Add an aws_vpc_endpoint with service_name = \"com.amazonaws.REGION.s3\" and "
                        + "vpc_endpoint_type = \"Gateway\", with this route table in route_table_ids.")
                .fix(Format.CLOUDFORMATION, "Add an AWS::EC2::VPCEndpoint with ServiceName com.amazonaws.REGION.s3 "
                        + "and VpcEndpointType: Gateway, with this route table in RouteTableIds.")
                .doc(DOC);
    }

    static ResourceCondition sendS3TrafficToAGatewayEndpoint() {
        return ResourceCondition.of("send S3 traffic to an S3 gateway endpoint when it routes through a NAT gateway",
                (table, graph, events) -> {
                    if (table.isDataSource()) {
                        return;
                    }
                    RouteTable routeTable = S3GatewayEndpoints.tableOf(table, graph);
                    Known<OutboundPath> path = OutboundPath.ofTable(routeTable, graph);
                    if (!path.isKnown() || path.value() != OutboundPath.NAT_GATEWAY) {
                        return;
                    }
                    Known<Resource> vpc = Network.vpcOf(table, graph);
                    if (!vpc.isKnown() || S3GatewayEndpoints.usedBySubnets(routeTable, graph) != Truth.TRUE
                            || S3GatewayEndpoints.serve(vpc.value(), routeTable, graph) != Truth.FALSE) {
                        return;
                    }
                    Optional<Resource> natRoute = natRoute(routeTable, graph);
                    List<Evidence> evidence = new ArrayList<>();
                    natRoute.ifPresent(route -> {
                        // the attribute that names the NAT gateway: nat_gateway_id, or gateway_id, which AWS accepts
                        RouteTarget target = RouteTarget.of(route, graph).value();
                        evidence.add(Evidence.property(route, target.attribute(), route.address()
                                + " sends internet traffic to a NAT gateway"));
                        graph.target(target.value()).ifPresent(nat -> evidence.add(NetworkEvidence.gateway(nat)));
                    });
                    for (Resource association : Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "route_table_id")
                            .from(table, graph).resources()) {
                        evidence.add(Evidence.property(association, "subnet_id", association.address()
                                + " puts a subnet behind " + table.address()));
                    }
                    evidence.add(NetworkEvidence.vpc(vpc.value(), "has no S3 gateway endpoint on "
                            + table.address()));
                    events.violated(table, table.address() + " sends internet traffic through a NAT gateway and "
                                    + vpc.value().address() + " has no S3 gateway endpoint on it: S3 traffic and "
                                    + "ECR image layers are billed per GB as NAT data processing",
                            natRoute.map(r -> RouteTarget.of(r, graph).value().span()).orElse(null), "routes",
                            "nat without s3 endpoint", evidence);
                });
    }

    private static Optional<Resource> natRoute(RouteTable table, ResourceGraph graph) {
        Related routes = Network.routesOf(table, graph);
        return routes.resources().stream().filter(r -> Network.targetsNatGateway(r, graph).isTrue()).findFirst();
    }

    private static final String DOC = """
            # nat-without-s3-gateway-endpoint

            A route table used by subnets (through an association, or as the VPC's adopted main table) whose
            default route `0.0.0.0/0` goes to a NAT gateway (named in `nat_gateway_id` / `NatGatewayId`, or in
            `gateway_id` / `GatewayId`, which AWS accepts too), in a VPC of this scan that has no S3 gateway
            endpoint (`com.amazonaws.REGION.s3`, type `Gateway`, the default type) attached to that route table
            (`route_table_ids` / `RouteTableIds`, or `aws_vpc_endpoint_route_table_association`).

            ## What it costs

            A NAT gateway bills a data processing charge for every GB that passes through it, on top of its
            hourly charge. Everything those subnets fetch from S3 goes through it: application data, and the
            image layers of every ECR pull (ECR stores layers in S3), so each task start and each deploy pays
            again per GB. An S3 gateway endpoint routes the same traffic privately at no charge. (The ECR API
            calls themselves still need the NAT or `ecr.api`/`ecr.dkr` interface endpoints.)

            preflight is silent when a route, the table's VPC, or an endpoint's VPC, service name, type or route
            tables are not known before apply. A splat over a route table without `count` or `for_each`
            (`aws_route_table.private.*.id`, `aws_route_table.private[*].id`) is that one table, as in Terraform.

            ## What it leaves alone, and why

            - Route tables no subnet uses: nothing is billed through them.
            - Route tables whose default route goes to anything else than a NAT gateway (an internet gateway, a transit
              gateway, a firewall endpoint). An S3 gateway endpoint has no charge, while a NAT gateway bills per GB processed
              (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html,
              https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html).
            - VPCs and route tables read from data sources or outside the scan (their endpoints are managed elsewhere).

            ## Bad

            ```hcl
            resource "aws_route_table" "private" {
              vpc_id = aws_vpc.main.id
              route {
                cidr_block     = "0.0.0.0/0"
                nat_gateway_id = aws_nat_gateway.main.id
              }
            }
            ```

            ```yaml
            PrivateRoute:
              Type: AWS::EC2::Route
              Properties:
                RouteTableId: !Ref PrivateRouteTable
                DestinationCidrBlock: 0.0.0.0/0
                NatGatewayId: !Ref NatGateway
            ```

            ## Good

            ```hcl
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
            ```

            """ + RuleDocs.suppression(ID);
}
