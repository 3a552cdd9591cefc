package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.Kind;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformLoaderTest {
    @TempDir
    Path dir;

    private String str(Resource r, String path) {
        Value v = r.property(path).orElseThrow(() -> new AssertionError("no " + path + " on " + r));
        return Values.text(v).orElseThrow(() -> new AssertionError(path + " is not known: " + v));
    }

    @Test
    void literalsVariablesLocalsAndTfvarsResolveWithUseSiteSpans() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "cidr" {
                          default = "10.0.0.0/16"
                        }
                        variable "name" {}
                        variable "env" { default = "dev" }
                        locals {
                          prefix = "${var.env}-app"
                        }
                        resource "aws_vpc" "main" {
                          cidr_block = var.cidr
                          tags = { Name = local.prefix }
                        }
                        resource "aws_security_group" "sg" {
                          vpc_id = aws_vpc.main.id
                          name   = var.name
                        }
                        """)
                .file("terraform.tfvars", "env = \"prod\"\n")
                .load();
        assertEquals(List.of(), r.problems());
        Resource vpc = resource(r, "aws_vpc.main");
        assertEquals(Kind.VPC, vpc.kind());
        assertEquals("10.0.0.0/16", str(vpc, "cidr_block"));
        assertEquals(10, vpc.property("cidr_block").orElseThrow().span().line(), "points at the use, not the default");
        assertEquals("prod-app", str(vpc, "tags.Name"));
        Resource sg = resource(r, "aws_security_group.sg");
        Value.Ref ref = assertInstanceOf(Value.Ref.class, sg.property("vpc_id").orElseThrow());
        assertEquals("aws_vpc.main", ref.target().address());
        assertEquals(List.of("id"), ref.attribute());
        Value.Unknown name = assertInstanceOf(Value.Unknown.class, sg.property("name").orElseThrow());
        assertTrue(name.reason().contains("no default"), name.reason());
        ResourceGraph g = TerraformFixture.graph(r);
        assertEquals(List.of(vpc), g.referenced(sg, Kind.VPC));
    }

    @Test
    void countAndForEachExpandIntoInstancesAndSplatsKeepReferences() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }
                        resource "aws_subnet" "private" {
                          count             = length(var.azs)
                          vpc_id            = "vpc-0123456789abcdef0"
                          availability_zone = var.azs[count.index]
                          cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
                        }
                        resource "aws_subnet" "named" {
                          for_each          = { a = "eu-west-1a", b = "eu-west-1c" }
                          vpc_id            = "vpc-0123456789abcdef0"
                          availability_zone = each.value
                          cidr_block        = "10.1.${each.key == "a" ? 1 : 2}.0/24"
                        }
                        resource "aws_lb" "web" {
                          subnets = aws_subnet.private[*].id
                        }
                        resource "aws_lb" "named" {
                          subnets = [for s in aws_subnet.named : s.id]
                        }
                        """)
                .load();
        assertEquals(List.of(), r.problems());
        assertEquals("eu-west-1b", str(resource(r, "aws_subnet.private[1]"), "availability_zone"));
        assertEquals("10.0.1.0/24", str(resource(r, "aws_subnet.private[1]"), "cidr_block"));
        assertEquals("eu-west-1c", str(resource(r, "aws_subnet.named[\"b\"]"), "availability_zone"));
        assertEquals("10.1.2.0/24", str(resource(r, "aws_subnet.named[\"b\"]"), "cidr_block"));
        ResourceGraph g = TerraformFixture.graph(r);
        assertEquals(2, g.referenced(resource(r, "aws_lb.web"), Kind.SUBNET).size());
        assertEquals(2, g.referenced(resource(r, "aws_lb.named"), Kind.SUBNET).size());
    }

    @Test
    void unknownCountGivesOneInstanceWithoutKeyAndSplatsOverItAreUnknown() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "n" {}
                        resource "aws_subnet" "a" {
                          count      = var.n
                          vpc_id     = "vpc-0123456789abcdef0"
                          cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
                        }
                        resource "aws_lb" "web" {
                          subnets = aws_subnet.a[*].id
                        }
                        resource "aws_lb" "first" {
                          subnets = [aws_subnet.a[0].id]
                        }
                        """)
                .load();
        Resource subnet = resource(r, "aws_subnet.a");
        assertInstanceOf(Value.Unknown.class, subnet.property("cidr_block").orElseThrow());
        assertInstanceOf(Value.Unknown.class, resource(r, "aws_lb.web").property("subnets").orElseThrow());
        ResourceGraph g = TerraformFixture.graph(r);
        assertEquals(List.of(subnet), g.referenced(resource(r, "aws_lb.first"), Kind.SUBNET));
    }

    @Test
    void localModulesBindInputsAndExposeOutputsWithPrefixedAddresses() {
        LoadResult r = new TerraformFixture(dir)
                .file("root/main.tf", """
                        module "net" {
                          source = "../modules/net"
                          cidr   = "10.9.0.0/16"
                        }
                        resource "aws_lb" "web" {
                          subnets = module.net.subnet_ids
                        }
                        module "remote" {
                          source  = "terraform-aws-modules/vpc/aws"
                        }
                        resource "aws_security_group" "sg" {
                          vpc_id = module.remote.vpc_id
                        }
                        """)
                .file("modules/net/main.tf", """
                        variable "cidr" {}
                        resource "aws_vpc" "this" { cidr_block = var.cidr }
                        resource "aws_subnet" "a" {
                          count      = 2
                          vpc_id     = aws_vpc.this.id
                          cidr_block = cidrsubnet(var.cidr, 8, count.index)
                        }
                        output "subnet_ids" { value = aws_subnet.a[*].id }
                        """)
                .load();
        assertEquals(List.of(), r.problems());
        assertEquals("10.9.0.0/16", str(resource(r, "module.net.aws_vpc.this"), "cidr_block"));
        assertEquals("10.9.1.0/24", str(resource(r, "module.net.aws_subnet.a[1]"), "cidr_block"));
        ResourceGraph g = TerraformFixture.graph(r);
        assertEquals(2, g.referenced(resource(r, "aws_lb.web"), Kind.SUBNET).size());
        assertInstanceOf(Value.Unknown.class, resource(r, "aws_security_group.sg").property("vpc_id").orElseThrow());
        assertTrue(r.resources().stream().noneMatch(x -> x.address().startsWith("aws_vpc.this")),
                "a module called by a scanned root is not also loaded as a root");
    }

    @Test
    void inlineRoutesBecomeRouteResourcesAndDynamicBlocksExpand() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "ports" { default = [22, 443] }
                        resource "aws_route_table" "private" {
                          vpc_id = "vpc-0123456789abcdef0"
                          route {
                            ipv6_cidr_block = "::/0"
                            nat_gateway_id  = aws_nat_gateway.nat.id
                          }
                        }
                        resource "aws_nat_gateway" "nat" { subnet_id = "subnet-0123456789abcdef0" }
                        resource "aws_security_group" "sg" {
                          dynamic "ingress" {
                            for_each = var.ports
                            content {
                              from_port = ingress.value
                              to_port   = ingress.value
                              protocol  = "tcp"
                            }
                          }
                        }
                        """)
                .load();
        Resource route = resource(r, "aws_route_table.private.route[0]");
        assertEquals(Kind.ROUTE, route.kind());
        assertEquals("::/0", str(route, "destination_ipv6_cidr_block"));
        assertEquals(5, route.property("destination_ipv6_cidr_block").orElseThrow().span().line());
        ResourceGraph g = TerraformFixture.graph(r);
        assertEquals(1, g.referenced(route, Kind.NAT_GATEWAY).size());
        assertEquals(1, g.referenced(route, Kind.ROUTE_TABLE).size());
        Value ingress = resource(r, "aws_security_group.sg").property("security_group_ingress").orElseThrow();
        assertEquals(2, Values.items(ingress).orElseThrow().size());
    }

    @Test
    void containerDefinitionsFromJsonencodeAndHeredocKeepStructureAndLines() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "tag" { default = "1.2.3" }
                        resource "aws_ecr_repository" "app" { name = "app" }
                        resource "aws_ecs_task_definition" "a" {
                          family = "a"
                          container_definitions = jsonencode([{
                            name  = "app"
                            image = "${aws_ecr_repository.app.repository_url}:${var.tag}"
                          }])
                        }
                        resource "aws_ecs_task_definition" "b" {
                          family = "b"
                          container_definitions = <<-EOF
                            [
                              {
                                "name": "web",
                                "image": "nginx:latest"
                              }
                            ]
                          EOF
                        }
                        """)
                .load();
        Resource a = resource(r, "aws_ecs_task_definition.a");
        Value image = a.property("container_definitions").flatMap(v -> Values.items(v))
                .map(l -> l.get(0)).flatMap(m -> ((Value.MapValue) m).get("image")).orElseThrow();
        Value.Template t = assertInstanceOf(Value.Template.class, image);
        assertEquals(":1.2.3", t.knownSuffix());
        Resource b = resource(r, "aws_ecs_task_definition.b");
        Value.MapValue container = (Value.MapValue) Values.items(b.property("container_definitions").orElseThrow())
                .orElseThrow().get(0);
        Value img = container.get("image").orElseThrow();
        assertEquals("nginx:latest", Values.text(img).orElseThrow());
        assertEquals(16, img.span().line());
        assertEquals(18, img.span().column());
    }

    @Test
    void userVariablesOverrideTfvarsAndDefaults() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "mutability" { default = "IMMUTABLE" }
                        variable "ids" { type = list(string) }
                        resource "aws_ecr_repository" "app" {
                          name                 = "app"
                          image_tag_mutability = var.mutability
                        }
                        resource "aws_lb" "web" { subnets = var.ids }
                        """)
                .load(Map.of("mutability", "MUTABLE", "ids", "[\"subnet-1\", \"subnet-2\"]"));
        assertEquals("MUTABLE", str(resource(r, "aws_ecr_repository.app"), "image_tag_mutability"));
        assertEquals(2, Values.items(resource(r, "aws_lb.web").property("subnets").orElseThrow()).orElseThrow().size());
    }

    @Test
    void terraformJsonSyntaxLoadsLikeNativeSyntax() {
        LoadResult r = new TerraformFixture(dir)
                .file("main.tf.json", """
                        {
                          "variable": { "azs": { "type": "list(string)", "default": ["eu-west-1a", "${x}"] } },
                          "locals": { "vpc": "vpc-0123456789abcdef0" },
                          "resource": {
                            "aws_subnet": {
                              "a": {
                                "count": "${length(var.azs)}",
                                "vpc_id": "${local.vpc}",
                                "availability_zone": "${var.azs[count.index]}",
                                "cidr_block": "10.0.${count.index}.0/24"
                              }
                            },
                            "aws_lb": { "web": { "subnets": "${aws_subnet.a[*].id}" } }
                          }
                        }
                        """)
                .load();
        assertEquals(List.of(), r.problems());
        Resource a1 = resource(r, "aws_subnet.a[1]");
        assertEquals("${x}", str(a1, "availability_zone"), "variable defaults are not templates in JSON");
        assertEquals("10.0.1.0/24", str(a1, "cidr_block"));
        assertEquals("vpc-0123456789abcdef0", str(a1, "vpc_id"));
        assertEquals(8, a1.property("vpc_id").orElseThrow().span().line());
        assertEquals(2, TerraformFixture.graph(r).referenced(resource(r, "aws_lb.web"), Kind.SUBNET).size());
    }
}
