package dev.preflight.rules;

import static dev.preflight.dsl.TestGraph.list;
import static dev.preflight.dsl.TestGraph.map;
import static dev.preflight.dsl.TestGraph.ref;
import static dev.preflight.dsl.TestGraph.template;
import static dev.preflight.dsl.TestGraph.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.TestGraph;
import dev.preflight.graph.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules over hand-built graphs: what the loaders will give them, without depending on the loaders. */
class RuleUnitTest {

    private static List<String> fired(DslRule rule, TestGraph g) {
        return rule.check(g.build()).stream().map(Finding::resource).toList();
    }

    @Nested
    class Descriptions {
        @Test
        void areGeneratedFromTheChains() {
            assertEquals("resources of kind ROUTE that target a NAT gateway should have no IPv6 destination outside "
                            + "64:ff9b::/96, because a NAT gateway translates IPv6 to IPv4 only for the NAT64 prefix",
                    new NatGatewayIpv6Route().info().description());
            assertEquals("resources of kind LOAD_BALANCER that are application load balancers should have subnets in "
                            + "at least 2 availability zones, because an ALB must be able to serve from a second zone",
                    new AlbSubnetsSingleAz().info().description());
            assertEquals("resources of kind ECS_TASK_DEFINITION that require FARGATE and pull an image from ECR "
                            + "should have an execution role, because Fargate authenticates to ECR with the execution role",
                    new FargateEcrExecutionRoleMissing().info().description());
            assertEquals("resources of kind ECS_SERVICE that run on Fargate and run tasks that pull from ECR should "
                            + "have a network path to ECR from its subnets, because Fargate pulls images through the "
                            + "task's own network interface",
                    new PrivateSubnetNoEcrPath().info().description());
            assertEquals("resources should have well-formed VPC ids, because EC2 rejects any VPC id not of the form "
                    + "vpc-xxxxxxxxxxxxxxxxx", new VpcIdMalformed().info().description());
            assertEquals("resources of kind ECR_REPOSITORY should have immutable tags, because a deployed tag must "
                    + "always name the same image", new EcrTagMutable().info().description());
            assertEquals("resources of kind ECS_TASK_DEFINITION or APPRUNNER_SERVICE should use images with a version "
                            + "tag or digest, because a deployment should name exactly one image",
                    new ImageLatestTag().info().description());
        }
    }

    @Nested
    class NatGateway {
        private TestGraph base() {
            return TestGraph.terraform()
                    .add("aws_nat_gateway.main", Kind.NAT_GATEWAY)
                    .add("aws_egress_only_internet_gateway.e", Kind.EGRESS_ONLY_INTERNET_GATEWAY)
                    .add("aws_route_table.private", Kind.ROUTE_TABLE);
        }

        @Test
        void firesOnIpv6DefaultRouteToNat() {
            TestGraph g = base()
                    .add("aws_route.bad", Kind.ROUTE, "destination_ipv6_cidr_block", "::/0",
                            "nat_gateway_id", ref("aws_nat_gateway.main", "id"))
                    .add("aws_route.literal", Kind.ROUTE, "destination_ipv6_cidr_block", "2001:db8::/32",
                            "nat_gateway_id", "nat-0123456789abcdef0")
                    .addChild("aws_route_table.private.route[0]", Kind.ROUTE, "aws_route_table.private",
                            "destination_ipv6_cidr_block", "0:0::/0", "nat_gateway_id", ref("aws_nat_gateway.main", "id"))
                    .add("aws_route.nat64", Kind.ROUTE, "destination_ipv6_cidr_block", "64:ff9b::/96",
                            "nat_gateway_id", ref("aws_nat_gateway.main", "id"))
                    .add("aws_route.eigw", Kind.ROUTE, "destination_ipv6_cidr_block", "::/0",
                            "egress_only_internet_gateway_id", ref("aws_egress_only_internet_gateway.e", "id"))
                    .add("aws_route.v4", Kind.ROUTE, "destination_cidr_block", "0.0.0.0/0",
                            "nat_gateway_id", ref("aws_nat_gateway.main", "id"))
                    .add("aws_route.unknown_dest", Kind.ROUTE, "destination_ipv6_cidr_block", unknown(),
                            "nat_gateway_id", ref("aws_nat_gateway.main", "id"))
                    .add("aws_route.unknown_nat", Kind.ROUTE, "destination_ipv6_cidr_block", "::/0",
                            "nat_gateway_id", unknown());
            assertEquals(List.of("aws_route.bad", "aws_route.literal", "aws_route_table.private.route[0]"),
                    fired(new NatGatewayIpv6Route(), g));
        }
    }

    @Nested
    class Ids {
        @Test
        void literalVpcIdsMustBeWellFormed() {
            TestGraph g = TestGraph.terraform()
                    .add("aws_vpc.main", Kind.VPC)
                    .add("aws_security_group.cidr", Kind.SECURITY_GROUP, "vpc_id", "192.168.1.0/24")
                    .add("aws_security_group.ref", Kind.SECURITY_GROUP, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_security_group.ok", Kind.SECURITY_GROUP, "vpc_id", "vpc-0123456789abcdef0")
                    .add("aws_security_group.var", Kind.SECURITY_GROUP, "vpc_id", unknown())
                    .add("aws_lb_target_group.short", Kind.TARGET_GROUP, "vpc_id", "vpc-8e6792c23ea07abf")
                    .add("aws_s3_bucket.tagged", Kind.OTHER, "tags", map("vpc_id", "not-an-id"));
            assertEquals(List.of("aws_lb_target_group.short", "aws_security_group.cidr"),
                    fired(new VpcIdMalformed(), g).stream().sorted().toList());
        }

        @Test
        void otherIdsOnlyWhereTheirMeaningIsClear() {
            TestGraph g = TestGraph.terraform()
                    .add("aws_instance.web", Kind.OTHER, "subnet_id", "subnet-123",
                            "security_groups", list("web"), "vpc_security_group_ids", list("sg-0123abcd"))
                    .add("aws_lb.web", Kind.LOAD_BALANCER, "security_groups", list("web-sg"),
                            "subnet_mappings", list(map("subnet_id", "subnet-0123abcd"), map("subnet_id", "subnet-x")))
                    .add("aws_route.local", Kind.ROUTE, "gateway_id", "local")
                    .add("aws_route.vgw", Kind.ROUTE, "gateway_id", "vgw-1")
                    .add("aws_route.igw", Kind.ROUTE, "gateway_id", "igw-1", "nat_gateway_id", "nat-0123abcd");
            List<Finding> f = new ResourceIdMalformed().check(g.build());
            assertEquals(List.of("aws_instance.web subnet_id", "aws_lb.web security_groups[0]",
                            "aws_lb.web subnet_mappings[1].subnet_id", "aws_route.igw gateway_id"),
                    f.stream().map(x -> x.resource() + " " + x.propertyPath()).sorted().toList());
        }
    }

    @Nested
    class Alb {
        private TestGraph subnets() {
            return TestGraph.terraform()
                    .add("aws_subnet.a1", Kind.SUBNET, "availability_zone", "eu-west-1a")
                    .add("aws_subnet.a2", Kind.SUBNET, "availability_zone", "eu-west-1a")
                    .add("aws_subnet.b", Kind.SUBNET, "availability_zone", "eu-west-1b")
                    .add("aws_subnet.same_as_a1", Kind.SUBNET, "availability_zone",
                            ref("aws_subnet.a1", "availability_zone"))
                    .add("aws_subnet.picked", Kind.SUBNET)
                    .add("aws_subnet.lax", Kind.SUBNET, "availability_zone", "us-west-2-lax-1a");
        }

        @Test
        void firesOnOneZoneOrOneSubnet() {
            TestGraph g = subnets()
                    .add("aws_lb.same_zone", Kind.LOAD_BALANCER, "subnets",
                            list(ref("aws_subnet.a1", "id"), ref("aws_subnet.a2", "id")))
                    .add("aws_lb.via_ref", Kind.LOAD_BALANCER, "subnets",
                            list(ref("aws_subnet.a1", "id"), ref("aws_subnet.same_as_a1", "id")))
                    .add("aws_lb.single_unknown_zone", Kind.LOAD_BALANCER, "type", "application",
                            "subnets", list(ref("aws_subnet.picked", "id")))
                    .add("aws_lb.single_literal", Kind.LOAD_BALANCER, "subnets", list("subnet-0123abcd"))
                    .add("aws_lb.mappings", Kind.LOAD_BALANCER, "subnet_mappings",
                            list(map("subnet_id", ref("aws_subnet.a1", "id"))))
                    .add("aws_lb.two_zones", Kind.LOAD_BALANCER, "subnets",
                            list(ref("aws_subnet.a1", "id"), ref("aws_subnet.b", "id")))
                    .add("aws_lb.nlb", Kind.LOAD_BALANCER, "type", "network", "subnets",
                            list(ref("aws_subnet.a1", "id")))
                    .add("aws_lb.unknown_type", Kind.LOAD_BALANCER, "type", unknown(), "subnets",
                            list(ref("aws_subnet.a1", "id")))
                    .add("aws_lb.zone_unknown", Kind.LOAD_BALANCER, "subnets",
                            list(ref("aws_subnet.a1", "id"), ref("aws_subnet.picked", "id")))
                    .add("aws_lb.var_list", Kind.LOAD_BALANCER, "subnets", unknown())
                    .add("aws_lb.one_unknown_element", Kind.LOAD_BALANCER, "subnets", list(unknown()))
                    .add("aws_lb.local_zone", Kind.LOAD_BALANCER, "subnets", list(ref("aws_subnet.lax", "id")))
                    .add("aws_lb.empty", Kind.LOAD_BALANCER, "subnets", list());
            assertEquals(List.of("aws_lb.mappings", "aws_lb.one_unknown_element", "aws_lb.same_zone",
                            "aws_lb.single_literal",
                            "aws_lb.single_unknown_zone", "aws_lb.via_ref"),
                    fired(new AlbSubnetsSingleAz(), g).stream().sorted().toList());
        }

        @Test
        void anUnknownElementIsOneSubnet() {
            TestGraph g = TestGraph.cloudFormation()
                    .add("LoadBalancer", Kind.LOAD_BALANCER, "Subnets", list(unknown()))
                    .add("Two", Kind.LOAD_BALANCER, "Subnets", list(unknown(), unknown()));
            assertEquals(List.of("LoadBalancer"), fired(new AlbSubnetsSingleAz(), g));
        }
    }

    @Nested
    class FargateExecutionRole {
        @Test
        void firesOnlyForFargateEcrWithoutRole() {
            Object ecr = map("name", "app", "image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1");
            TestGraph g = TestGraph.terraform()
                    .add("aws_ecr_repository.app", Kind.ECR_REPOSITORY)
                    .add("aws_ecs_task_definition.bad", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions", list(ecr))
                    .add("aws_ecs_task_definition.repo_ref", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("EC2", "FARGATE"), "container_definitions",
                            list(map("name", "app", "image",
                                    template(ref("aws_ecr_repository.app", "repository_url"), ":1"))))
                    .add("aws_ecs_task_definition.role", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions", list(ecr),
                            "execution_role_arn", ref("aws_iam_role.x", "arn"))
                    .add("aws_ecs_task_definition.role_var", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions", list(ecr),
                            "execution_role_arn", unknown())
                    .add("aws_ecs_task_definition.ec2", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("EC2"), "container_definitions", list(ecr))
                    .add("aws_ecs_task_definition.hub", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"),
                            "container_definitions", list(map("name", "web", "image", "nginx:1.27")))
                    .add("aws_ecs_task_definition.unknown_defs", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions", unknown());
            assertEquals(List.of("aws_ecs_task_definition.bad", "aws_ecs_task_definition.repo_ref"),
                    fired(new FargateEcrExecutionRoleMissing(), g));
        }
    }

    @Nested
    class PrivateSubnets {
        /** A VPC with two private subnets on a route table with only a private-range route, and a Fargate service. */
        private TestGraph privateNetwork() {
            return TestGraph.terraform()
                    .add("aws_vpc.main", Kind.VPC)
                    .add("aws_subnet.a", Kind.SUBNET, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_subnet.b", Kind.SUBNET, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_route_table.private", Kind.ROUTE_TABLE, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_route.peering", Kind.ROUTE, "route_table_id", ref("aws_route_table.private", "id"),
                            "destination_cidr_block", "10.50.0.0/16", "vpc_peering_connection_id", "pcx-1")
                    .add("aws_route_table_association.a", Kind.ROUTE_TABLE_ASSOCIATION,
                            "subnet_id", ref("aws_subnet.a", "id"), "route_table_id", ref("aws_route_table.private", "id"))
                    .add("aws_route_table_association.b", Kind.ROUTE_TABLE_ASSOCIATION,
                            "subnet_id", ref("aws_subnet.b", "id"), "route_table_id", ref("aws_route_table.private", "id"))
                    .add("aws_ecs_task_definition.app", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions",
                            list(map("name", "app", "image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1")))
                    .add("aws_ecs_service.app", Kind.ECS_SERVICE, "launch_type", "FARGATE",
                            "task_definition", ref("aws_ecs_task_definition.app", "arn"),
                            "network_configuration", list(map("subnets",
                                    list(ref("aws_subnet.a", "id"), ref("aws_subnet.b", "id")))));
        }

        private TestGraph endpoint(TestGraph g, String name, Object... properties) {
            Object[] all = new Object[properties.length + 2];
            all[0] = "vpc_id";
            all[1] = ref("aws_vpc.main", "id");
            System.arraycopy(properties, 0, all, 2, properties.length);
            return g.add("aws_vpc_endpoint." + name, Kind.VPC_ENDPOINT, all);
        }

        private TestGraph allEndpoints(TestGraph g) {
            endpoint(g, "api", "service_name", template("com.amazonaws.", unknown(), ".ecr.api"),
                    "vpc_endpoint_type", "Interface");
            endpoint(g, "dkr", "service_name", "com.amazonaws.eu-west-1.ecr.dkr", "vpc_endpoint_type", "Interface",
                    "private_dns_enabled", true);
            return endpoint(g, "s3", "service_name", "com.amazonaws.eu-west-1.s3",
                    "route_table_ids", list(ref("aws_route_table.private", "id")));
        }

        @Test
        void firesWithoutEndpointsAndSaysWhatIsMissing() {
            List<Finding> f = new PrivateSubnetNoEcrPath().check(privateNetwork().build());
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().contains("ecr.api interface endpoint, ecr.dkr interface endpoint"),
                    f.get(0).message());
        }

        @Test
        void silentWithAllEndpoints() {
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), allEndpoints(privateNetwork())));
        }

        @Test
        void s3EndpointMustBeOnTheSubnetsRouteTable() {
            TestGraph g = privateNetwork();
            endpoint(g, "api", "service_name", "com.amazonaws.eu-west-1.ecr.api", "vpc_endpoint_type", "Interface");
            endpoint(g, "dkr", "service_name", "com.amazonaws.eu-west-1.ecr.dkr", "vpc_endpoint_type", "Interface");
            endpoint(g, "s3", "service_name", "com.amazonaws.eu-west-1.s3");
            List<Finding> f = new PrivateSubnetNoEcrPath().check(g.build());
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().endsWith("has no S3 gateway endpoint on the subnets' route table"),
                    f.get(0).message());
            g.add("aws_vpc_endpoint_route_table_association.s3", Kind.VPC_ENDPOINT_ROUTE_TABLE_ASSOCIATION,
                    "vpc_endpoint_id", ref("aws_vpc_endpoint.s3", "id"),
                    "route_table_id", ref("aws_route_table.private", "id"));
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), g));
        }

        @Test
        void silentWithNatOrInternetOrUnknownRoutes() {
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), privateNetwork()
                    .add("aws_nat_gateway.n", Kind.NAT_GATEWAY)
                    .add("aws_route.nat", Kind.ROUTE, "route_table_id", ref("aws_route_table.private", "id"),
                            "destination_cidr_block", "0.0.0.0/0", "nat_gateway_id", ref("aws_nat_gateway.n", "id"))));
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), privateNetwork()
                    .add("aws_route.tgw", Kind.ROUTE, "route_table_id", ref("aws_route_table.private", "id"),
                            "destination_cidr_block", "0.0.0.0/0", "transit_gateway_id", "tgw-1")));
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), privateNetwork()
                    .add("aws_route.somewhere", Kind.ROUTE, "route_table_id", unknown(),
                            "destination_cidr_block", "0.0.0.0/0", "gateway_id", "igw-0123abcd")));
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), privateNetwork()
                    .add("aws_route_table_association.x", Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id", unknown(),
                            "route_table_id", ref("aws_route_table.private", "id"))));
        }

        @Test
        void silentWhenTheVpcOrRouteTableIsManagedElsewhere() {
            TestGraph g = TestGraph.terraform()
                    .data("data.aws_vpc.shared", Kind.VPC)
                    .add("aws_subnet.a", Kind.SUBNET, "vpc_id", ref("data.aws_vpc.shared", "id"))
                    .add("aws_ecs_task_definition.app", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions",
                            list(map("name", "app", "image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1")))
                    .add("aws_ecs_service.app", Kind.ECS_SERVICE, "launch_type", "FARGATE",
                            "task_definition", ref("aws_ecs_task_definition.app", "arn"),
                            "network_configuration", list(map("subnets", list(ref("aws_subnet.a", "id")))));
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), g));
            TestGraph h = privateNetwork()
                    .data("data.aws_route_table.shared", Kind.ROUTE_TABLE)
                    .add("aws_subnet.c", Kind.SUBNET, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_route_table_association.c", Kind.ROUTE_TABLE_ASSOCIATION,
                            "subnet_id", ref("aws_subnet.c", "id"), "route_table_id", ref("data.aws_route_table.shared", "id"))
                    .add("aws_ecs_service.c", Kind.ECS_SERVICE, "launch_type", "FARGATE",
                            "task_definition", ref("aws_ecs_task_definition.app", "arn"),
                            "network_configuration", list(map("subnets", list(ref("aws_subnet.c", "id")))));
            assertEquals(List.of("aws_ecs_service.app"), fired(new PrivateSubnetNoEcrPath(), h));
        }

        @Test
        void mainRouteTableWhenNoAssociation() {
            TestGraph g = TestGraph.terraform()
                    .add("aws_vpc.main", Kind.VPC)
                    .add("aws_subnet.a", Kind.SUBNET, "vpc_id", ref("aws_vpc.main", "id"))
                    .add("aws_ecs_task_definition.app", Kind.ECS_TASK_DEFINITION,
                            "requires_compatibilities", list("FARGATE"), "container_definitions",
                            list(map("name", "app", "image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1")))
                    .add("aws_ecs_service.app", Kind.ECS_SERVICE,
                            "task_definition", ref("aws_ecs_task_definition.app", "arn"),
                            "network_configuration", list(map("subnets", list(ref("aws_subnet.a", "id")))));
            assertEquals(List.of("aws_ecs_service.app"), fired(new PrivateSubnetNoEcrPath(), g));
            // a NAT route added to the VPC's main route table through the VPC attribute
            g.add("aws_route.main_nat", Kind.ROUTE, "route_table_id", ref("aws_vpc.main", "main_route_table_id"),
                    "destination_cidr_block", "0.0.0.0/0", "nat_gateway_id", "nat-0123abcd");
            assertEquals(List.of(), fired(new PrivateSubnetNoEcrPath(), g));
        }
    }

    @Nested
    class Tags {
        @Test
        void mutableRepositories() {
            TestGraph g = TestGraph.terraform()
                    .add("aws_ecr_repository.default", Kind.ECR_REPOSITORY, "name", "a")
                    .add("aws_ecr_repository.mutable", Kind.ECR_REPOSITORY, "image_tag_mutability", "MUTABLE")
                    .add("aws_ecr_repository.immutable", Kind.ECR_REPOSITORY, "image_tag_mutability", "IMMUTABLE")
                    .add("aws_ecr_repository.excl", Kind.ECR_REPOSITORY,
                            "image_tag_mutability", "MUTABLE_WITH_EXCLUSION")
                    .add("aws_ecr_repository.var", Kind.ECR_REPOSITORY, "image_tag_mutability", unknown());
            assertEquals(List.of("aws_ecr_repository.default", "aws_ecr_repository.mutable"),
                    fired(new EcrTagMutable(), g));
        }

        @Test
        void latestImages() {
            TestGraph g = TestGraph.terraform()
                    .add("aws_ecs_task_definition.t", Kind.ECS_TASK_DEFINITION, "container_definitions", list(
                            map("name", "a", "image", "nginx"),
                            map("name", "b", "image", "nginx:1.27"),
                            map("name", "c", "image", "host:5000/img:latest"),
                            map("name", "d", "image", template(unknown(), ":", unknown()))))
                    .add("aws_apprunner_service.s", Kind.APPRUNNER_SERVICE, "source_configuration",
                            list(map("image_repository", list(map("image_identifier", "public.ecr.aws/x/y:latest")))));
            List<Finding> f = new ImageLatestTag().check(g.build());
            assertEquals(List.of("aws_apprunner_service.s source_configuration.image_repository.image_identifier",
                            "aws_ecs_task_definition.t container_definitions[0].image",
                            "aws_ecs_task_definition.t container_definitions[2].image"),
                    f.stream().map(x -> x.resource() + " " + x.propertyPath()).sorted().toList());
        }
    }
}
