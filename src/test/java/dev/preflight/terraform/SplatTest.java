package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splats over values that are not lists, as HCL defines them: one element, or none for null. */
class SplatTest {
    @TempDir
    Path dir;

    private LoadResult load(String body) {
        return new TerraformFixture(dir).file("main.tf", """
                variable "obj" {
                  default = { name = "a" }
                }
                variable "nothing" {
                  type    = object({ name = string })
                  default = null
                }
                variable "unknown_count" {}
                resource "aws_route_table" "single" {
                  vpc_id = "vpc-0123456789abcdef0"
                }
                resource "aws_route_table" "counted" {
                  count  = 2
                  vpc_id = "vpc-0123456789abcdef0"
                }
                resource "aws_route_table" "unknown" {
                  count  = var.unknown_count
                  vpc_id = "vpc-0123456789abcdef0"
                }
                resource "aws_route_table" "keyed" {
                  for_each = toset(["a"])
                  vpc_id   = "vpc-0123456789abcdef0"
                }
                """ + body).load();
    }

    private static Value tag(LoadResult r, String name) {
        return resource(r, "aws_vpc_endpoint.e").property("tags." + name).orElseThrow();
    }

    @Test
    void legacyAndFullSplatsOnAResourceWithoutCountGiveOneReference() {
        LoadResult r = load("""
                resource "aws_vpc_endpoint" "e" {
                  vpc_id          = "vpc-0123456789abcdef0"
                  service_name    = "com.amazonaws.us-east-1.s3"
                  route_table_ids = aws_route_table.single.*.id
                  tags = {
                    legacy = length(aws_route_table.single.*.id)
                    full   = length(aws_route_table.single[*])
                  }
                }
                """);
        Resource endpoint = resource(r, "aws_vpc_endpoint.e");
        Value.ListValue ids = assertInstanceOf(Value.ListValue.class, endpoint.property("route_table_ids").orElseThrow());
        Value.Ref ref = assertInstanceOf(Value.Ref.class, ids.items().get(0));
        assertEquals("aws_route_table.single", ref.target().address());
        assertEquals(List.of("id"), ref.attribute());
        assertEquals(1, ids.items().size());
        assertEquals("1", Values.text(tag(r, "legacy")).orElseThrow());
        assertEquals("1", Values.text(tag(r, "full")).orElseThrow());
    }

    @Test
    void objectsBecomeOneElementAndNullNoElement() {
        LoadResult r = load("""
                resource "aws_vpc_endpoint" "e" {
                  vpc_id       = "vpc-0123456789abcdef0"
                  service_name = "com.amazonaws.us-east-1.s3"
                  tags = {
                    legacy_object = join(",", var.obj.*.name)
                    full_object   = join(",", var.obj[*].name)
                    legacy_null   = length(var.nothing.*.name)
                    full_null     = length(var.nothing[*])
                    counted       = length(aws_route_table.counted.*.id)
                  }
                }
                """);
        assertEquals("a", Values.text(tag(r, "legacy_object")).orElseThrow());
        assertEquals("a", Values.text(tag(r, "full_object")).orElseThrow());
        assertEquals("0", Values.text(tag(r, "legacy_null")).orElseThrow());
        assertEquals("0", Values.text(tag(r, "full_null")).orElseThrow());
        assertEquals("2", Values.text(tag(r, "counted")).orElseThrow());
    }

    @Test
    void lookalikesWhoseLengthIsNotKnownStayUnknown() {
        LoadResult r = load("""
                resource "aws_vpc_endpoint" "e" {
                  vpc_id       = "vpc-0123456789abcdef0"
                  service_name = "com.amazonaws.us-east-1.s3"
                  tags = {
                    unknown_count = length(aws_route_table.unknown.*.id)
                    attribute     = length(aws_route_table.single.propagating_vgws[*])
                  }
                  route_table_ids = aws_route_table.keyed.*.id
                }
                """);
        assertInstanceOf(Value.Unknown.class, tag(r, "unknown_count"));
        // an attribute's length is the provider's to know: it may be a list
        assertInstanceOf(Value.Unknown.class, tag(r, "attribute"));
        // Terraform rejects it: the instances of a for_each resource are an object without an `id`
        assertInstanceOf(Value.Unknown.class,
                resource(r, "aws_vpc_endpoint.e").property("route_table_ids").orElseThrow());
    }
}
