package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code templatefile()} and {@code file()}: the file read from the module, rendered, with its positions. */
class TemplateFileTest {
    @TempDir
    Path dir;

    private static final String TASK_TEMPLATE = """
            [
              {
                "name": "${name}",
                "image": "${image}",
                "cpu": ${cpu},
                %{~ if length(ports) > 0 }
                "portMappings": [
                %{~ for i, p in ports }
                  { "containerPort": ${p}, "hostPort": ${p} }${i < length(ports) - 1 ? "," : ""}
                %{~ endfor }
                ],
                %{~ endif }
                "environment": ${jsonencode([for k, v in env : { name = k, value = v }])}
              }
            ]
            """;

    private static String text(Resource r, String path) {
        Value v = r.property(path).orElseThrow(() -> new AssertionError("no " + path + " in " + r.properties()));
        return Values.text(v).orElseThrow(() -> new AssertionError(path + " is not known: " + v));
    }

    @Test
    void containerDefinitionsRenderedFromATemplatePointIntoIt() {
        LoadResult r = new TerraformFixture(dir)
                .file("task.json.tftpl", TASK_TEMPLATE)
                .file("main.tf", """
                        resource "aws_ecs_task_definition" "app" {
                          family = "app"
                          container_definitions = templatefile("${path.module}/task.json.tftpl", {
                            name  = "app"
                            image = "nginx:1.27"
                            cpu   = 256
                            ports = [80, 443]
                            env   = { STAGE = "prod" }
                          })
                        }
                        """)
                .load();
        assertEquals(List.of(), r.problems());
        Resource task = resource(r, "aws_ecs_task_definition.app");
        assertEquals("nginx:1.27", text(task, "container_definitions.image"));
        assertEquals("256", text(task, "container_definitions.cpu"));
        assertEquals("prod", text(task, "container_definitions.environment.value"));
        Value.ListValue mappings = assertInstanceOf(Value.ListValue.class,
                task.property("container_definitions.portMappings").orElseThrow());
        assertEquals(2, mappings.items().size());
        Value image = task.property("container_definitions.image").orElseThrow();
        assertEquals("task.json.tftpl", image.span().file());
        assertEquals(4, image.span().line());
        assertEquals(14, image.span().column(), "at the opening quote of the value");
        // a value an interpolation gave points at that interpolation
        Value second = ((Value.MapValue) mappings.items().get(1)).entries().get("containerPort");
        assertEquals(9, second.span().line());
        assertEquals(26, second.span().column());
    }

    @Test
    void unknownVariablesStayUnknownAndTheRestIsKnown() {
        LoadResult r = new TerraformFixture(dir)
                .file("modules/svc/templates/task.json.tftpl", TASK_TEMPLATE)
                .file("modules/svc/main.tf", """
                        variable "cpu" {}
                        resource "aws_ecs_task_definition" "app" {
                          family = "app"
                          container_definitions = templatefile("${path.module}/templates/task.json.tftpl", {
                            name  = "app"
                            image = "nginx:latest"
                            cpu   = var.cpu
                            ports = []
                            env   = {}
                          })
                        }
                        """)
                .file("main.tf", """
                        variable "cpu" {}
                        module "svc" {
                          source = "./modules/svc"
                          cpu    = var.cpu
                        }
                        """)
                .load();
        assertEquals(List.of(), r.problems());
        Resource task = resource(r, "module.svc.aws_ecs_task_definition.app");
        assertEquals("nginx:latest", text(task, "container_definitions.image"));
        assertEquals("modules/svc/templates/task.json.tftpl",
                task.property("container_definitions.image").orElseThrow().span().file());
        assertInstanceOf(Value.Unknown.class, task.property("container_definitions.cpu").orElseThrow());
        assertTrue(task.property("container_definitions.portMappings").isEmpty(), "the if left them out");
    }

    @Test
    void filesReadAreReportedAsInputsAndFileKeepsItsPositions() {
        TerraformLoader.Result loaded = new TerraformFixture(dir)
                .file("policy.json", """
                        {
                          "Version": "2012-10-17",
                          "Statement": [{ "Effect": "Allow", "Action": "ecr:*", "Resource": "*" }]
                        }
                        """)
                .file("main.tf", """
                        resource "aws_iam_policy" "p" {
                          name   = "p"
                          policy = file("policy.json")
                        }
                        """)
                .loadAll(Map.of());
        Resource policy = resource(loaded.load(), "aws_iam_policy.p");
        Value action = policy.property("policy_document.Statement.Action")
                .orElseThrow(() -> new AssertionError(policy.properties().toString()));
        assertEquals("ecr:*", Values.text(action).orElseThrow());
        assertEquals("policy.json", action.span().file());
        assertEquals(3, action.span().line());
        assertEquals(List.of("policy.json"), loaded.filesRead().stream().map(SourceFile::displayPath).toList());
    }

    @Test
    void lookalikesThatAreNotReadStayUnknown() throws IOException {
        Path outside = Files.createTempFile("outside", ".tftpl");
        Files.writeString(outside, "[{\"image\": \"nginx:latest\"}]");
        LoadResult r = new TerraformFixture(dir.resolve("root"))
                .file("refers.tftpl", "[{\"name\": \"${var.name}\", \"image\": \"nginx:latest\"}]")
                .file("main.tf", """
                        variable "name" { default = "app" }
                        resource "aws_ecs_task_definition" "missing" {
                          family                = "missing"
                          container_definitions = templatefile("${path.module}/nowhere.tftpl", {})
                        }
                        resource "aws_ecs_task_definition" "outside" {
                          family                = "outside"
                          container_definitions = templatefile("%s", {})
                        }
                        resource "aws_ecs_task_definition" "refers" {
                          family                = "refers"
                          container_definitions = templatefile("refers.tftpl", {})
                        }
                        """.formatted(outside.toString().replace("\\", "/")))
                .load();
        assertEquals(List.of(), r.problems());
        for (String name : List.of("missing", "outside", "refers")) {
            Value defs = resource(r, "aws_ecs_task_definition." + name).property("container_definitions")
                    .orElseThrow();
            assertInstanceOf(Value.Unknown.class, defs, name);
        }
        Files.delete(outside);
    }

    @Test
    void aTemplateThatDoesNotParseOrIsNotUtf8IsReportedWithItsFileAndLine() throws IOException {
        TerraformFixture fixture = new TerraformFixture(dir)
                .file("broken.tftpl", "[\n  {\"image\": \"${image\"}\n]\n")
                .file("main.tf", """
                        resource "aws_ecs_task_definition" "broken" {
                          family                = "broken"
                          container_definitions = templatefile("broken.tftpl", { image = "x" })
                        }
                        resource "aws_ecs_task_definition" "latin1" {
                          family                = "latin1"
                          container_definitions = templatefile("latin1.tftpl", {})
                        }
                        """);
        Files.write(dir.resolve("latin1.tftpl"), new byte[] {'[', '\n', '"', (byte) 0xE9, '"', ']'});
        LoadResult r = fixture.load();
        assertEquals(2, r.problems().size(), r.problems().toString());
        Problem syntax = r.problems().stream().filter(p -> p.where().file().equals("broken.tftpl")).findFirst()
                .orElseThrow();
        assertEquals(2, syntax.where().line());
        Problem encoding = r.problems().stream().filter(p -> p.where().file().equals("latin1.tftpl")).findFirst()
                .orElseThrow();
        assertEquals(2, encoding.where().line());
        assertTrue(encoding.message().contains("UTF-8"), encoding.message());
        assertInstanceOf(Value.Unknown.class,
                resource(r, "aws_ecs_task_definition.broken").property("container_definitions").orElseThrow());
    }
}
