package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON written with interpolations keeps what is known around the parts that are not. */
class JsonWithHolesTest {
    @TempDir
    Path dir;

    private Resource task(String definitions) {
        LoadResult r = new TerraformFixture(dir).file("main.tf", """
                variable "port" {
                  type = number
                }
                variable "env" {
                  type = string
                }
                resource "aws_ecs_task_definition" "app" {
                  family                = "app"
                  container_definitions = <<-EOT
                """ + definitions.indent(4) + """
                  EOT
                }
                """).load();
        return resource(r, "aws_ecs_task_definition.app");
    }

    @Test
    void aBareUnknownValueIsThatMemberAloneAndKeepsTheRestWithItsLines() {
        Resource task = task("""
                [{
                  "name": "app",
                  "image": "nginx:latest",
                  "portMappings": [{ "containerPort": ${var.port}, "hostPort": 80 }],
                  "environment": [{ "name": "ENV", "value": "${var.env}-x" }]
                }]""");
        Value image = task.property("container_definitions.image").orElseThrow();
        assertEquals("nginx:latest", Values.text(image).orElseThrow());
        assertEquals(12, image.span().line(), "the image's own line in the heredoc");
        Value port = task.property("container_definitions.portMappings.containerPort").orElseThrow();
        Value.Unknown unknown = assertInstanceOf(Value.Unknown.class, port);
        assertEquals(true, unknown.reason().contains("port"), unknown.reason());
        assertEquals("80", Values.text(task.property("container_definitions.portMappings.hostPort")
                .orElseThrow()).orElseThrow());
        Value.Template env = assertInstanceOf(Value.Template.class,
                task.property("container_definitions.environment.value").orElseThrow());
        assertEquals("-x", env.knownSuffix());
    }

    @Test
    void aHoleThatMayBeSeveralElementsOrAKeyMakesOnlyItsListOrObjectUnknown() {
        Resource task = task("""
                [{
                  "name": "app",
                  "image": "nginx:1.27",
                  "portMappings": [${var.port}],
                  "dockerLabels": { "${var.env}": "x" }
                }]""");
        assertEquals("nginx:1.27", Values.text(task.property("container_definitions.image").orElseThrow())
                .orElseThrow());
        assertInstanceOf(Value.Unknown.class, task.property("container_definitions.portMappings").orElseThrow());
        assertInstanceOf(Value.Unknown.class, task.property("container_definitions.dockerLabels").orElseThrow());
    }

    @Test
    void aHoleThatBreaksTheJsonLeavesTheDocumentUnknown() {
        Resource task = task("""
                [{
                  "name": "app", ${var.env}
                  "image": "nginx:latest"
                }]""");
        assertInstanceOf(Value.Unknown.class, task.property("container_definitions").orElseThrow());
    }
}
