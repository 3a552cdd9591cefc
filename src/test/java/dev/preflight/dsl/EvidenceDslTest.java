package dev.preflight.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where values came from, as the loaders record it and rules read it, and the evidence a rule gets without asking:
 * what its traversals reached and the value sources of its property at fault.
 */
class EvidenceDslTest {
    @TempDir
    Path dir;

    private ResourceGraph load(Map<String, String> files, Map<String, String> variables) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        ScanResult r = new Scanner().scan(new ScanRequest(List.of(dir), dir, variables, Map.of(), List.of(), 1));
        return r.graph();
    }

    private static Resource resource(ResourceGraph g, String address) {
        return g.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }

    private static List<String> sources(Resource r, String property) {
        return Evidence.valueSources(r.property(property).orElseThrow()).stream()
                .map(e -> e.span().file() + ":" + e.span().line() + " " + e.message()).toList();
    }

    @Test
    void aZoneTakenOutOfATfvarsListThroughAModuleArgumentKeepsItsWay() throws IOException {
        ResourceGraph g = load(Map.of(
                "variables.tf", "variable \"azs\" {\n  type = list(string)\n}\n",
                "terraform.tfvars", "azs = [\"eu-west-1a\", \"eu-west-1b\"]\n",
                "main.tf", "module \"net\" {\n  source = \"./net\"\n  zones  = var.azs\n}\n",
                "net/main.tf", "variable \"zones\" {}\nresource \"aws_subnet\" \"a\" {\n"
                        + "  vpc_id            = \"vpc-0123456789abcdef0\"\n  cidr_block        = \"10.0.0.0/24\"\n"
                        + "  availability_zone = var.zones[1]\n}\n"), Map.of());
        assertEquals(List.of("terraform.tfvars:1 var.azs = [\"eu-west-1a\", \"eu-west-1b\"]",
                        "main.tf:3 argument zones of module.net = [\"eu-west-1a\", \"eu-west-1b\"]"),
                sources(resource(g, "module.net.aws_subnet.a"), "availability_zone"));
    }

    @Test
    void defaultsLocalsAndCommandLineValuesAreNamed() throws IOException {
        ResourceGraph g = load(Map.of("main.tf", """
                variable "cidr" {
                  default = "10.0.0.0/16"
                }
                variable "zone" {}
                locals {
                  block = var.cidr
                }
                resource "aws_vpc" "v" {
                  cidr_block = local.block
                }
                resource "aws_subnet" "s" {
                  vpc_id            = aws_vpc.v.id
                  cidr_block        = "10.0.0.0/24"
                  availability_zone = var.zone
                }
                """), Map.of("zone", "\"eu-west-1c\""));
        assertEquals(List.of("main.tf:2 default of var.cidr = \"10.0.0.0/16\"", "main.tf:6 local.block = \"10.0.0.0/16\""),
                sources(resource(g, "aws_vpc.v"), "cidr_block"));
        assertEquals(List.of("main.tf:4 var.zone, given on the command line or in the config file = \"eu-west-1c\""),
                sources(resource(g, "aws_subnet.s"), "availability_zone"));
        assertEquals(List.of(), sources(resource(g, "aws_subnet.s"), "cidr_block"), "written where it is used");
    }

    @Test
    void cloudFormationParameterDefaultsAndMappingsAreNamed() throws IOException {
        ResourceGraph g = load(Map.of("stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Cidr:
                    Type: String
                    Default: 10.1.0.0/16
                Mappings:
                  Zones:
                    prod:
                      Primary: eu-west-1b
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties:
                      CidrBlock: !Ref Cidr
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties:
                      VpcId: !Ref Vpc
                      CidrBlock: 10.1.0.0/24
                      AvailabilityZone: !FindInMap [Zones, prod, Primary]
                """), Map.of());
        assertEquals(List.of("stack.yaml:5 default of parameter Cidr = \"10.1.0.0/16\""),
                sources(resource(g, "Vpc"), "cidr_block"));
        assertEquals(List.of("stack.yaml:9 mapping Zones.prod.Primary = \"eu-west-1b\""),
                sources(resource(g, "Subnet"), "availability_zone"));
    }

    @Test
    void aUsersRuleExplainsItselfWithTheTraversalsItMadeAndTheValueAtFault() throws IOException {
        ResourceGraph g = load(Map.of("main.tf", """
                variable "mode" {
                  default = "bridge"
                }
                resource "aws_vpc" "v" {
                  cidr_block = "10.0.0.0/16"
                }
                resource "aws_subnet" "s" {
                  vpc_id     = aws_vpc.v.id
                  cidr_block = "10.0.0.0/24"
                  tags       = { mode = var.mode }
                }
                """), Map.of());
        Traversal vpc = Traversal.follow("vpc_id");
        RuleDefinition rule = RuleDefinition.rule("users-rule").title("t").prevents("p").fix("f")
                .check(ResourceSelection.resources(Kind.SUBNET).should(ResourceCondition.of("be in a VPC",
                        (subnet, graph, events) -> {
                            if (!vpc.from(subnet, graph).isEmpty()) {
                                events.violated(subnet, "in a VPC", subnet.spanOf("tags"), "tags.mode", "bridge");
                            }
                        })));
        List<Evidence> evidence = rule.check(g).get(0).evidence();
        assertEquals(2, evidence.size(), evidence.toString());
        assertEquals(Evidence.Role.RELATED_RESOURCE, evidence.get(0).role());
        assertEquals("aws_vpc.v (the resources referenced by vpc_id of aws_subnet.s)", evidence.get(0).message());
        assertEquals(4, evidence.get(0).span().line());
        assertEquals(Evidence.Role.VALUE_SOURCE, evidence.get(1).role());
        assertTrue(evidence.get(1).message().startsWith("default of var.mode"), evidence.toString());
    }
}
