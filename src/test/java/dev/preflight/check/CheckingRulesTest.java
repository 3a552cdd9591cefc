package dev.preflight.check;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.ResourceSelection.resourcesOfType;
import static dev.preflight.dsl.RuleDefinition.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.DeclaredKind;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.PropertyValue;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleSet;
import dev.preflight.dsl.Tags;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Truth;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule API as a user meets it: real Terraform and CloudFormation loaded with the importer, rules written with
 * the DSL, checked as a test does. Covers any resource type, declared kinds and their renames, tags as one map (with
 * the provider's default_tags), references both ways, unknown values staying silent, and the failure message.
 */
class CheckingRulesTest {
    static final DeclaredKind BUCKET = DeclaredKind.named("S3_BUCKET").terraform("aws_s3_bucket")
            .cloudFormation("AWS::S3::Bucket").property("bucket", "bucket", "BucketName");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Infrastructure load(String... paths) {
        InfrastructureImporter importer = new InfrastructureImporter().relativeTo(dir);
        return importer.importPaths(List.of(paths).stream().map(Path::of).toList());
    }

    private static List<String> lines(Rule rule, Infrastructure infrastructure) {
        return rule.evaluate(infrastructure).stream()
                .map(f -> f.span().file() + ":" + f.span().line() + " " + f.resource()).toList();
    }

    private static Rule tagRule(String tag) {
        return rule("acme-" + tag.toLowerCase()).title("tag " + tag)
                .check(resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag(tag), Tags.PROPERTY)));
    }

    @Test
    void tagsAreOneMapInBothFormatsWithTheProvidersDefaultTags() throws Exception {
        write("tf/main.tf", """
                provider "aws" {
                  default_tags {
                    tags = { Owner = "platform" }
                  }
                }
                provider "aws" {
                  alias = "bare"
                }
                variable "tags" {
                  type = map(string)
                }
                resource "aws_ecs_service" "defaulted" {
                  name = "a"
                }
                resource "aws_ecs_service" "elsewhere" {
                  provider = aws.bare
                  name     = "b"
                  tags     = { Team = "x" }
                }
                resource "aws_ecs_service" "unknown" {
                  provider = aws.bare
                  tags     = var.tags
                }
                module "child" {
                  source = "./child"
                }
                """);
        write("tf/child/main.tf", """
                resource "aws_ecs_service" "inherited" {
                  name = "c"
                }
                """);
        write("cfn.yaml", """
                Resources:
                  Tagged:
                    Type: AWS::ECS::Service
                    Properties:
                      Tags:
                        - {Key: Owner, Value: team-a}
                  Untagged:
                    Type: AWS::ECS::Service
                    Properties:
                      Tags:
                        - {Key: Team, Value: b}
                """);
        Infrastructure infra = load("tf", "cfn.yaml");
        assertEquals(List.of("cfn.yaml:11 Untagged", "tf/main.tf:18 aws_ecs_service.elsewhere"),
                lines(tagRule("Owner"), infra), "default_tags count; a variable without a default stays silent");

        Resource tagged = infra.graph().resources().stream().filter(r -> r.address().equals("Tagged")).findFirst()
                .orElseThrow();
        Tags tags = Tags.of(tagged, infra.graph());
        assertEquals(Truth.TRUE, tags.hasValue("Owner", "team-a", infra.graph()));
        assertEquals(Truth.FALSE, tags.hasValue("Owner", "team-b", infra.graph()));
        assertEquals(Truth.FALSE, tags.has("owner"), "tag keys are case-sensitive");
        Resource unknown = infra.graph().resources().stream().filter(r -> r.address().equals("aws_ecs_service.unknown"))
                .findFirst().orElseThrow();
        assertEquals(Truth.UNKNOWN, Tags.of(unknown, infra.graph()).has("Owner"));
        Resource inherited = infra.graph().resources().stream()
                .filter(r -> r.address().equals("module.child.aws_ecs_service.inherited")).findFirst().orElseThrow();
        assertEquals(Truth.TRUE, Tags.of(inherited, infra.graph()).hasValue("Owner", "platform", infra.graph()),
                "a child module inherits the default provider configuration");
    }

    @Test
    void aDeclaredKindReadsBothFormatsUnderOneNameAndMessagesShowTheWrittenName() throws Exception {
        write("main.tf", """
                resource "aws_s3_bucket" "good" {
                  bucket = "acme-a"
                }
                resource "aws_s3_bucket" "bad" {
                  bucket = "b"
                }
                """);
        write("stack.yaml", """
                Resources:
                  Bad:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: c
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Ref Bad
                """);
        Infrastructure infra = load(".");
        RuleDefinition prefix = rule("acme-prefix").title("prefix")
                .check(resources(BUCKET).should(Conditions.match(Predicates.haveValueMatching("bucket", "acme-.*"),
                        "bucket")));
        assertEquals("resources of kind S3_BUCKET should have bucket matching acme-.*", prefix.description());
        assertEquals(List.of("S3_BUCKET"), prefix.info().customKinds());
        AssertionError e = assertThrows(AssertionError.class, () -> prefix.check(infra));
        assertEquals("""
                Rule 'acme-prefix' (resources of kind S3_BUCKET should have bucket matching acme-.*) was violated \
                (2 times):
                main.tf:5:12: [acme-prefix] aws_s3_bucket.bad does not have bucket matching acme-.* (bucket: b)
                stack.yaml:5:19: [acme-prefix] Bad does not have bucket matching acme-.* (BucketName: c)""",
                e.getMessage());

        // by type as written, no renames: the CloudFormation bucket has no "bucket"
        Rule byType = rule("acme-by-type").title("t").check(resourcesOfType("aws_s3_bucket", "AWS::S3::Bucket")
                .should(Conditions.have("bucket")));
        assertEquals(List.of("stack.yaml:2 Bad"), lines(byType, infra));

        // references both ways: the log group refers to the bucket, found from the bucket's side
        Rule referred = rule("acme-referred").title("r").check(resources(BUCKET)
                .should(Conditions.match(Predicates.anyRelated(Traversal.referrersOfType("AWS::Logs::LogGroup",
                        "log_group_name"), Predicates.have("log_group_name")), "")));
        assertEquals(List.of("main.tf:1 aws_s3_bucket.good", "main.tf:4 aws_s3_bucket.bad"), lines(referred, infra));
    }

    @Test
    void declaredKindsThatDisagreeAboutANameAreRefused() {
        DeclaredKind other = DeclaredKind.named("BUCKET").cloudFormation("AWS::S3::Bucket")
                .property("name", "name", "BucketName");
        Rule a = rule("a").title("a").check(resources(BUCKET).should(Conditions.have("bucket")));
        Rule b = rule("b").title("b").check(resources(other).should(Conditions.have("name")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kindsConflict(a, b));
        assertTrue(e.getMessage().contains("kind BUCKET of built-in rule 'b' reads AWS::S3::Bucket's property "
                + "bucketname as 'name', but kind S3_BUCKET of built-in rule 'a' reads it as 'bucket'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeclaredKind.named("SUBNET"), "a built-in kind's name");
        assertThrows(IllegalArgumentException.class, () -> DeclaredKind.named("X").terraform("aws_subnet")
                .property("a", "a", "B"), "a built-in type has canonical names");
        assertThrows(IllegalArgumentException.class, () -> DeclaredKind.named("X").cloudFormation("aws_subnet"));
    }

    private static Object kindsConflict(Rule a, Rule b) {
        try {
            dev.preflight.engine.KindRenames.of(List.of(a, b));
            return null;
        } catch (dev.preflight.engine.KindRenames.ConflictException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Test
    void unknownValuesStaySilentAndTraversalsChain() throws Exception {
        write("main.tf", """
                variable "boundary" {
                  type = string
                }
                resource "aws_iam_role" "bounded" {
                  permissions_boundary = "arn:aws:iam::123456789012:policy/b"
                }
                resource "aws_iam_role" "open" {
                  name = "open"
                }
                resource "aws_iam_role" "maybe" {
                  permissions_boundary = var.boundary
                }
                resource "aws_ecs_task_definition" "a" {
                  task_role_arn = aws_iam_role.bounded.arn
                }
                resource "aws_ecs_task_definition" "b" {
                  task_role_arn = aws_iam_role.open.arn
                }
                resource "aws_ecs_task_definition" "c" {
                  task_role_arn = aws_iam_role.maybe.arn
                }
                resource "aws_ecs_task_definition" "d" {
                  task_role_arn = "arn:aws:iam::123456789012:role/elsewhere"
                }
                resource "aws_ecs_service" "a" {
                  task_definition = aws_ecs_task_definition.a.arn
                }
                resource "aws_ecs_service" "b" {
                  task_definition = aws_ecs_task_definition.b.arn
                }
                resource "aws_ecs_service" "c" {
                  task_definition = aws_ecs_task_definition.c.arn
                }
                resource "aws_ecs_service" "d" {
                  task_definition = aws_ecs_task_definition.d.arn
                }
                """);
        Infrastructure infra = load(".");
        Traversal taskRole = Traversal.follow("task_definition").andThen(Traversal.follow("task_role_arn"));
        Rule bounded = rule("acme-bounded").title("b").check(resources(Kind.ECS_SERVICE).should(Conditions.match(
                Predicates.allRelated(taskRole, Predicates.have("permissions_boundary")), "task_definition")));
        assertEquals(List.of("main.tf:29 aws_ecs_service.b"), lines(bounded, infra),
                "c's boundary is a variable without a default, d's role is not in the scan: both unknown, silent");

        Resource maybe = infra.graph().resources().stream().filter(r -> r.address().equals("aws_iam_role.maybe"))
                .findFirst().orElseThrow();
        PropertyValue v = PropertyValue.of(maybe, "permissions_boundary", infra.graph());
        assertEquals(Truth.UNKNOWN, v.isSet());
        assertEquals(Truth.UNKNOWN, v.matches(Pattern.compile(".*")));
        assertEquals(Truth.UNKNOWN, v.isOneOf(List.of("x")));
        assertEquals(Truth.UNKNOWN, v.isBetween(BigDecimal.ONE, null));
        assertTrue(!v.text().isKnown());
        Resource open = infra.graph().resources().stream().filter(r -> r.address().equals("aws_iam_role.open"))
                .findFirst().orElseThrow();
        assertEquals(Truth.FALSE, PropertyValue.of(open, "permissions_boundary", infra.graph()).isSet());
        assertEquals(Truth.TRUE, PropertyValue.of(open, "name", infra.graph()).isOneOf(List.of("open")));
        assertEquals(Truth.FALSE, PropertyValue.of(open, "name", infra.graph()).isBetween(BigDecimal.ONE, null),
                "known text that is not a number is not in a range");
    }

    @Test
    void numbersRangesAndSuppressionsInChecks() throws Exception {
        write("main.tf", """
                resource "aws_cloudwatch_log_group" "short" {
                  retention_in_days = 7
                }
                resource "aws_cloudwatch_log_group" "long" {
                  retention_in_days = "365"
                }
                # preflight:ignore acme-retention kept short on purpose
                resource "aws_cloudwatch_log_group" "ignored" {
                  retention_in_days = 1
                }
                """);
        Infrastructure infra = load(".");
        Rule retention = rule("acme-retention").title("r").check(resources(Kind.LOG_GROUP).should(Conditions.match(
                Predicates.haveNumberBetween("retention_in_days", new BigDecimal("30"), null), "retention_in_days")));
        List<Finding> found = retention.evaluate(infra);
        assertEquals(1, found.size(), found.toString());
        assertEquals("aws_cloudwatch_log_group.short does not have retention_in_days of at least 30 "
                + "(retention_in_days: 7)", found.get(0).message());
        assertEquals(2, retention.check(infra.graph()).size(), "the rule itself finds the suppressed one too");
    }

    @Test
    void unreadableInputsFailEveryCheckAndBuiltInRulesAreThere() throws Exception {
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n  cidr_block = \n");
        Infrastructure infra = load(".");
        AssertionError e = assertThrows(AssertionError.class, () -> RuleSet.of().check(infra));
        assertTrue(e.getMessage().contains("main.tf:"), e.getMessage());
        assertTrue(e.getMessage().contains("[parse-error]"), e.getMessage());

        assertTrue(BuiltInPack.all().rules().size() >= 26);
        assertEquals("alb-subnets-single-az", BuiltInPack.rule("alb-subnets-single-az").info().id());
        assertEquals(BuiltInPack.all().rules().size() - 1,
                BuiltInPack.all().without("alb-subnets-single-az").rules().size());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BuiltInPack.rule("no-such-rule"));
        assertTrue(unknown.getMessage().startsWith("no built-in rule 'no-such-rule'; the rules are ["),
                unknown.getMessage());
    }
}
