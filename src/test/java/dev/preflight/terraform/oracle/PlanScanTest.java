package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code preflight scan plan.json} on a real plan: Terraform plans an evaluator fixture, and the scanner reads the
 * plan JSON written beside a copy of its configuration.
 */
class PlanScanTest {
    private static FixtureRun run;
    private static ScanResult scan;

    @BeforeAll
    static void planAndScan() {
        TerraformCli cli = TerraformCli.require();
        run = FixtureRuns.of(cli, List.of(Path.of("testdata/evaluator/blocks_and_json"))).get(0);
        assertTrue(run.planJson != null, "the fixture did not plan: " + run.planFailure());
        ScanRequest request = new ScanRequest(List.of(run.work.resolve("plan.json")), run.work, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1);
        scan = new Scanner().scan(request);
    }

    private static Resource resource(String address) {
        return scan.graph().resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address));
    }

    @Test
    void everyPlannedInstanceIsAResourceWithItsKindAndNoProblem() {
        assertEquals(List.of(), scan.problems());
        int planned = PlannedInstances.of(run.planJson).size();
        long loaded = scan.graph().resources().stream().filter(r -> r.parent().isEmpty()).count();
        assertEquals(planned, loaded);
        assertEquals(Kind.LOAD_BALANCER, resource("aws_lb.app").kind());
        assertEquals("network", Values.text(resource("aws_lb.app").property("type").orElseThrow()).orElseThrow(),
                "load_balancer_type is renamed as from source");
        assertEquals(2, resource("aws_route_table.rt").properties().get("routes")
                .map(v -> ((Value.ListValue) v).items().size()).orElseThrow());
        assertEquals(Kind.ROUTE, resource("aws_route_table.rt.route[0]").kind());
    }

    @Test
    void valuesKnownAfterApplyAreReferencesWhenWrittenAsPlainReferences() {
        ResourceGraph g = scan.graph();
        Resource subnet = resource("aws_subnet.a");
        Value.Ref vpc = assertInstanceOf(Value.Ref.class, subnet.property("vpc_id").orElseThrow());
        assertEquals("aws_vpc.main", vpc.target().address());
        assertEquals(List.of(resource("aws_vpc.main")), g.referenced(subnet, Kind.VPC));
        Value subnets = resource("aws_ecs_service.app").property("network_configuration.subnets").orElseThrow();
        assertEquals("[aws_subnet.a.id, aws_subnet.b.id]", Values.describe(subnets));
        assertTrue(resource("aws_vpc.main").property("arn").isEmpty(), "computed, not written: absent");
    }

    @Test
    void rulesFindOnThePlanWhatTheyFindOnTheSource() {
        FixtureRun sameZone = FixtureRuns.of(TerraformCli.require(),
                List.of(Path.of("testdata/rules/alb-subnets-single-az/terraform/same-zone"))).get(0);
        if (sameZone.planJson == null) {
            return; // the rule fixtures are another branch's; without them there is nothing to compare
        }
        List<Rule> rules = RuleRegistry.discover().rules();
        ScanResult fromPlan = new Scanner().scan(new ScanRequest(List.of(sameZone.work.resolve("plan.json")),
                sameZone.work, Map.of(), Map.of(), rules, 1));
        ScanResult fromSource = new Scanner().scan(new ScanRequest(List.of(sameZone.work.resolve("main.tf")),
                sameZone.work, Map.of(), Map.of(), rules, 1));
        assertEquals(where(fromSource), where(fromPlan));
        assertTrue(!fromPlan.findings().isEmpty());
    }

    @Test
    void theEcsFargateExampleGivesTheSameFindingsFromItsPlanAsFromItsSource() {
        FixtureRun example = FixtureRuns.of(TerraformCli.require(),
                List.of(Path.of("testdata/examples/ecs-fargate-terraform"))).get(0);
        assertTrue(example.planJson != null, "the example did not plan: " + example.planFailure());
        List<Rule> rules = RuleRegistry.discover().rules();
        ScanResult fromPlan = new Scanner().scan(new ScanRequest(List.of(example.work.resolve("plan.json")),
                example.work, Map.of(), Map.of(), rules, 1));
        List<java.nio.file.Path> sources = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(example.work)) {
            files.filter(p -> p.toString().endsWith(".tf") || p.getFileName().toString().equals("terraform.tfvars"))
                    .sorted().forEach(sources::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ScanResult fromSource = new Scanner().scan(new ScanRequest(sources, example.work, Map.of(), Map.of(),
                rules, 1));
        assertEquals(List.of(), fromPlan.problems());
        List<String> expected = List.of("alb-subnets-single-az@alb.tf:5", "ecr-tag-mutable@ecs.tf:1",
                "ecs-circuit-breaker-disabled@ecs.tf:63", "image-latest-tag@ecs.tf:46",
                "nat-gateway-ipv6-route@network.tf:78", "nat-without-s3-gateway-endpoint@network.tf:74");
        assertEquals(expected, where(fromSource).stream().sorted().toList());
        assertEquals(expected, where(fromPlan).stream().sorted().toList());
    }

    private static List<String> where(ScanResult r) {
        return r.findings().stream().map(f -> f.ruleId() + "@" + f.span().file() + ":" + f.span().line()).toList();
    }

    @Test
    void resourcesAndValuesPointAtTheConfigurationBesideThePlan() {
        Resource vpc = resource("aws_vpc.main");
        assertEquals("main.tf", vpc.file());
        assertTrue(scan.files().containsKey("main.tf"), "the configuration is shown in reports");
        String line = scan.files().get("main.tf").lineText(vpc.span().line());
        assertEquals("resource \"aws_vpc\" \"main\" {", line);
        String cidrLine = scan.files().get("main.tf").lineText(vpc.spanOf("cidr_block").line());
        assertTrue(cidrLine.contains("cidr_block = \"10.4.0.0/16\""), cidrLine);
    }

    @Test
    void jsonDocumentsAreDecodedAsFromSource() {
        Value defs = resource("aws_ecs_task_definition.app").property("container_definitions").orElseThrow();
        Value.ListValue list = assertInstanceOf(Value.ListValue.class, defs);
        assertEquals(2, list.items().size());
        Value.MapValue app = (Value.MapValue) list.items().get(0);
        assertEquals("\"nginx:1.25\"", Values.describe(app.get("image").orElseThrow()));
        Value policy = resource("aws_iam_role.task").property("assume_role_policy_document.Version").orElseThrow();
        assertEquals("\"2012-10-17\"", Values.describe(policy));
    }
}
