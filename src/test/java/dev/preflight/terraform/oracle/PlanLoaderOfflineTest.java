package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan loader on a small hand-written plan, so that plan input is tested where Terraform is not installed. */
class PlanLoaderOfflineTest {
    @TempDir
    Path dir;

    private static final String PLAN = """
            {"format_version":"1.2","terraform_version":"1.11.4",
             "planned_values":{"root_module":{"resources":[
               {"address":"aws_vpc.main","mode":"managed","type":"aws_vpc","name":"main",
                "values":{"cidr_block":"10.0.0.0/16","tags":null}},
               {"address":"aws_subnet.a[0]","mode":"managed","type":"aws_subnet","name":"a","index":0,
                "values":{"cidr_block":"10.0.0.0/24"}}]}},
             "resource_changes":[
               {"address":"aws_vpc.main","change":{"actions":["create"],
                 "after":{"cidr_block":"10.0.0.0/16","tags":null},"after_unknown":{"id":true}}},
               {"address":"aws_subnet.a[0]","change":{"actions":["create"],
                 "after":{"cidr_block":"10.0.0.0/24"},"after_unknown":{"id":true,"vpc_id":true}}}]}
            """;

    private List<Resource> load(boolean withSource) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PLAN);
        if (withSource) {
            Files.writeString(dir.resolve("main.tf"), """
                    resource "aws_vpc" "main" {
                      cidr_block = "10.0.0.0/16"
                    }

                    resource "aws_subnet" "a" {
                      count      = 1
                      vpc_id     = aws_vpc.main.id
                      cidr_block = "10.0.0.0/24"
                    }
                    """);
        }
        SourceFile f = new SourceFile(plan, "plan.json", PLAN);
        PlanLoader.Result r = new PlanLoader().load(f, dir);
        assertEquals(List.of(), r.load().problems());
        return r.load().resources();
    }

    @Test
    void unknownsReferencesAndPositionsFromTheConfigurationBeside() throws Exception {
        List<Resource> resources = load(true);
        Resource subnet = resources.get(1);
        assertEquals("aws_subnet.a[0]", subnet.address());
        Value.Ref ref = assertInstanceOf(Value.Ref.class, subnet.property("vpc_id").orElseThrow());
        assertEquals("aws_vpc.main", ref.target().address());
        assertEquals("main.tf", subnet.file());
        assertEquals(5, subnet.span().line());
        assertEquals(7, subnet.spanOf("vpc_id").line());
        Resource vpc = resources.get(0);
        assertEquals(false, vpc.properties().entries().containsKey("tags"), "nulls are left out");
        assertEquals(false, vpc.properties().entries().containsKey("id"),
                "a computed attribute the configuration does not write is absent, as from source");
    }

    @Test
    void withoutConfigurationEverythingPointsAtThePlanAndStaysUnknown() throws Exception {
        List<Resource> resources = load(false);
        Resource subnet = resources.get(1);
        assertEquals("plan.json", subnet.file());
        assertEquals(1, subnet.span().line());
        assertInstanceOf(Value.Unknown.class, subnet.property("vpc_id").orElseThrow());
        assertInstanceOf(Value.Unknown.class, resources.get(0).property("id").orElseThrow(),
                "without the configuration, a computed attribute may be configured: unknown");
    }
}
