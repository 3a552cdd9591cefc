package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data "aws_iam_policy_document"}: its json computed as the provider does, where it is used. */
class PolicyDocumentDataTest {
    @TempDir
    Path dir;

    private Value policy(String config) {
        LoadResult r = new TerraformFixture(dir).file("main.tf", config + """
                resource "aws_iam_policy" "p" {
                  name   = "p"
                  policy = data.aws_iam_policy_document.doc.json
                }
                """).load();
        assertEquals(List.of(), r.problems());
        return resource(r, "aws_iam_policy.p").property("policy_document").orElseThrow();
    }

    private static String render(Value v) {
        StringBuilder sb = new StringBuilder();
        JsonEncoding.write(v, piece -> sb.append(piece instanceof Value.Str s ? s.value() : "?"));
        return sb.toString();
    }

    @Test
    void statementsAreWrittenAsTheProviderWritesThemAndPointIntoTheDataSource() {
        Value doc = policy("""
                data "aws_iam_policy_document" "doc" {
                  statement {
                    actions   = ["s3:GetObject", "s3:PutObject", "s3:GetObject"]
                    resources = ["arn:aws:s3:::b/&{aws:username}"]
                    principals {
                      type        = "Service"
                      identifiers = ["ecs-tasks.amazonaws.com"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceAccount"
                      values   = ["123456789012"]
                    }
                  }
                }
                """);
        assertEquals("{\"Statement\":[{\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],"
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}},\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}],"
                + "\"Version\":\"2012-10-17\"}", render(doc));
        Value statement = ((Value.ListValue) ((Value.MapValue) doc).entries().get("Statement")).items().get(0);
        assertEquals(2, statement.span().line(), "the statement block");
        Value service = ((Value.MapValue) ((Value.MapValue) statement).entries().get("Principal")).entries()
                .get("Service");
        assertEquals(7, service.span().line(), "the identifier as written");
    }

    @Test
    void sourceAndOverrideDocumentsMergeBySid() {
        Value doc = policy("""
                data "aws_iam_policy_document" "base" {
                  statement {
                    sid     = "Pull"
                    actions = ["ecr:BatchGetImage"]
                  }
                  statement {
                    sid     = "Logs"
                    actions = ["logs:PutLogEvents"]
                  }
                }
                data "aws_iam_policy_document" "doc" {
                  source_policy_documents   = [data.aws_iam_policy_document.base.json]
                  override_policy_documents = [jsonencode({ Id = "X", Statement = [{ Sid = "Pull", Effect = "Deny", Action = "ecr:*" }] })]
                  statement {
                    sid     = "Logs"
                    actions = ["logs:CreateLogStream"]
                  }
                  statement {
                    actions = ["sts:AssumeRole"]
                  }
                }
                """);
        assertEquals("{\"Id\":\"X\",\"Statement\":[{\"Action\":\"ecr:*\",\"Effect\":\"Deny\",\"Sid\":\"Pull\"},"
                + "{\"Action\":\"logs:CreateLogStream\",\"Effect\":\"Allow\",\"Sid\":\"Logs\"},"
                + "{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}", render(doc));
    }

    @Test
    void instancesOfCountAndForEachAreDocumentsOfTheirOwn() {
        LoadResult r = new TerraformFixture(dir).file("main.tf", """
                data "aws_iam_policy_document" "each" {
                  for_each = toset(["a", "b"])
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["arn:aws:s3:::${each.key}/*"]
                  }
                }
                resource "aws_iam_policy" "b" {
                  name   = "b"
                  policy = data.aws_iam_policy_document.each["b"].json
                }
                """).load();
        Value resource = resource(r, "aws_iam_policy.b").property("policy_document.Statement.Resource").orElseThrow();
        assertEquals("arn:aws:s3:::b/*", Values.text(resource).orElseThrow());
        Value computed = resource(r, "data.aws_iam_policy_document.each[\"a\"]").property("json.Statement.Resource")
                .orElseThrow();
        assertEquals("arn:aws:s3:::a/*", Values.text(computed).orElseThrow());
    }

    @Test
    void lookalikesWhoseDocumentIsNotKnownStayUnknown() {
        for (String config : List.of(
                // a sid that is not known: whether statements override each other is not known
                """
                variable "sid" {}
                data "aws_iam_policy_document" "doc" {
                  statement {
                    sid     = var.sid
                    actions = ["s3:GetObject"]
                  }
                }
                """,
                // read only at apply
                """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                data "aws_iam_policy_document" "doc" {
                  depends_on = [aws_s3_bucket.b]
                  statement {
                    actions = ["s3:GetObject"]
                  }
                }
                """,
                // a document to merge that is not known
                """
                variable "extra" {}
                data "aws_iam_policy_document" "doc" {
                  source_policy_documents = [var.extra]
                  statement {
                    actions = ["s3:GetObject"]
                  }
                }
                """,
                // the provider refuses a policy variable in a document of version 2008-10-17
                """
                data "aws_iam_policy_document" "doc" {
                  version = "2008-10-17"
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["arn:aws:s3:::b/&{aws:username}"]
                  }
                }
                """,
                // Terraform rejects a repeated sid
                """
                data "aws_iam_policy_document" "doc" {
                  statement {
                    sid     = "A"
                    actions = ["s3:GetObject"]
                  }
                  statement {
                    sid     = "A"
                    actions = ["s3:PutObject"]
                  }
                }
                """)) {
            assertInstanceOf(Value.Unknown.class, policy(config), config);
        }
    }

    @Test
    void partsThatAreNotKnownStayUnknownInsideAKnownDocument() {
        Value doc = policy("""
                variable "bucket_arn" {}
                data "aws_iam_policy_document" "doc" {
                  statement {
                    actions   = ["ecr:GetAuthorizationToken"]
                    resources = [var.bucket_arn, "arn:aws:s3:::x"]
                    principals {
                      type        = "AWS"
                      identifiers = ["arn:aws:iam::123456789012:root"]
                    }
                    principals {
                      type        = "AWS"
                      identifiers = ["arn:aws:iam::111122223333:root"]
                    }
                  }
                }
                """);
        Value.MapValue statement = (Value.MapValue) ((Value.ListValue) ((Value.MapValue) doc).entries()
                .get("Statement")).items().get(0);
        assertEquals("ecr:GetAuthorizationToken", Values.text(statement.entries().get("Action")).orElseThrow());
        assertInstanceOf(Value.Unknown.class, statement.entries().get("Resource"));
        Value aws = ((Value.MapValue) statement.entries().get("Principal")).entries().get("AWS");
        Value.Unknown order = assertInstanceOf(Value.Unknown.class, aws);
        assertTrue(order.reason().contains("order"), order.reason());
    }
}
