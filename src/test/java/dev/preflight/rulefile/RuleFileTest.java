package dev.preflight.rulefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflight.check.InfrastructureImporter;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule files: every operator compiles into the DSL's own predicate (its description is the DSL's) and finds what
 * it should in both formats, unknown values stay silent, and every schema error names file:line:col and the key.
 */
class RuleFileTest {
    @TempDir
    Path dir;
    Infrastructure infrastructure;

    @BeforeEach
    void infrastructure() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "retention" {
                  type = number
                }
                resource "aws_cloudwatch_log_group" "short" {
                  name              = "app-short"
                  retention_in_days = 7
                  tags              = { Team = "a" }
                }
                resource "aws_cloudwatch_log_group" "long" {
                  name              = "acme-long"
                  retention_in_days = 400
                  tags              = { Team = "b", Owner = "x" }
                }
                resource "aws_cloudwatch_log_group" "unknown" {
                  name              = "acme-unknown"
                  retention_in_days = var.retention
                }
                resource "aws_kms_key" "logs" {
                  description = "logs"
                }
                resource "aws_sqs_queue" "q" {
                  name              = "acme-q"
                  kms_master_key_id = aws_kms_key.logs.arn
                }
                resource "aws_ecs_task_definition" "t" {
                  family = "t"
                }
                resource "aws_ecs_service" "s" {
                  launch_type     = "FARGATE"
                  task_definition = aws_ecs_task_definition.t.arn
                }
                """);
        Files.writeString(dir.resolve("stack.yaml"), """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: other-q
                  Group:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: acme-cfn
                      RetentionInDays: 30
                      Tags:
                        - {Key: Team, Value: c}
                """);
        infrastructure = new InfrastructureImporter().relativeTo(dir).importPaths(dir);
    }

    private List<Rule> load(String yaml) throws Exception {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, yaml);
        return RuleFile.load(f, "rules.yaml");
    }

    /** One rule on log groups with one condition: its description, and the addresses it reports. */
    private String run(String resources, String condition) throws Exception {
        Rule rule = load("""
                rules:
                  - id: acme-test
                    title: test
                    resources: RESOURCES
                    should:
                      - CONDITION
                """.replace("RESOURCES", resources).replace("CONDITION", condition)).get(0);
        List<String> found = rule.evaluate(infrastructure).stream().map(Finding::resource).toList();
        return rule.info().description() + " => " + found;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {kind: LOG_GROUP} | {property: retention_in_days, present: true} | resources of kind LOG_GROUP should have retention_in_days => []
            {kind: LOG_GROUP} | {property: retention_in_days, present: false} | resources of kind LOG_GROUP should not have retention_in_days => [aws_cloudwatch_log_group.short, aws_cloudwatch_log_group.long, Group]
            {kind: LOG_GROUP} | {property: retention_in_days, equals: 30} | resources of kind LOG_GROUP should have retention_in_days 30 => [aws_cloudwatch_log_group.short, aws_cloudwatch_log_group.long]
            {kind: LOG_GROUP} | {property: retention_in_days, one_of: [7, 30]} | resources of kind LOG_GROUP should have retention_in_days one of 7, 30 => [aws_cloudwatch_log_group.long]
            {kind: LOG_GROUP} | {property: name, matches: 'acme-.*'} | resources of kind LOG_GROUP should have name matching acme-.* => [aws_cloudwatch_log_group.short, Group]
            {kind: LOG_GROUP} | {property: retention_in_days, at_least: 30} | resources of kind LOG_GROUP should have retention_in_days of at least 30 => [aws_cloudwatch_log_group.short]
            {kind: LOG_GROUP} | {property: retention_in_days, at_most: 365} | resources of kind LOG_GROUP should have retention_in_days of at most 365 => [aws_cloudwatch_log_group.long]
            {kind: LOG_GROUP} | {property: retention_in_days, at_least: 30, at_most: 365} | resources of kind LOG_GROUP should have retention_in_days from 30 to 365 => [aws_cloudwatch_log_group.short, aws_cloudwatch_log_group.long]
            {kind: LOG_GROUP} | {property: kms_key_id, equals: x, default: x} | resources of kind LOG_GROUP should have kms_key_id x => []
            {kind: LOG_GROUP} | {tag: Owner, present: true} | resources of kind LOG_GROUP should have tag Owner => [aws_cloudwatch_log_group.short, aws_cloudwatch_log_group.unknown, Group]
            {kind: LOG_GROUP} | {tag: Owner, present: false} | resources of kind LOG_GROUP should not have tag Owner => [aws_cloudwatch_log_group.long]
            {kind: LOG_GROUP} | {tag: Team, equals: a} | resources of kind LOG_GROUP should have tag Team a => [aws_cloudwatch_log_group.long, aws_cloudwatch_log_group.unknown, Group]
            {kind: LOG_GROUP} | {tag: Team, one_of: [a, b]} | resources of kind LOG_GROUP should have tag Team one of a, b => [aws_cloudwatch_log_group.unknown, Group]
            {kind: LOG_GROUP} | {tag: Team, matches: '[ab]'} | resources of kind LOG_GROUP should have tag Team matching [ab] => [aws_cloudwatch_log_group.unknown, Group]
            {kind: LOG_GROUP} | {not: {tag: Team, equals: a}} | resources of kind LOG_GROUP should not have tag Team a => [aws_cloudwatch_log_group.short]
            {kind: LOG_GROUP} | {any_of: [{tag: Owner, present: true}, {property: retention_in_days, equals: 30}]} | resources of kind LOG_GROUP should have tag Owner or have retention_in_days 30 => [aws_cloudwatch_log_group.short]
            {type: [aws_sqs_queue, 'AWS::SQS::Queue']} | {property: kms_master_key_id, present: true} | resources of type aws_sqs_queue or AWS::SQS::Queue should have kms_master_key_id => [Queue]
            {type: aws_kms_key} | {referenced_by: {type: aws_sqs_queue, property: kms_master_key_id}} | resources of type aws_kms_key should be referenced by the kms_master_key_id of a aws_sqs_queue resource => []
            {type: aws_kms_key} | {referenced_by: {type: aws_sqs_queue, property: kms_master_key_id}, present: false} | resources of type aws_kms_key should not be referenced by the kms_master_key_id of a aws_sqs_queue resource => [aws_kms_key.logs]
            {kind: ECS_SERVICE} | {follow: task_definition, should: [{property: execution_role_arn, present: true}]} | resources of kind ECS_SERVICE should have task_definition referring only to resources that have execution_role_arn => [aws_ecs_service.s]
            """)
    void everyOperatorCompilesIntoTheDslAndFindsWhatItShould(String resources, String condition, String expected)
            throws Exception {
        assertEquals(expected, run(resources, condition));
    }

    @Test
    void aDeclaredKindWithARenameCoversBothFormatsAndWhereFilters() throws Exception {
        List<Rule> rules = load("""
                kinds:
                  - name: QUEUE
                    terraform: aws_sqs_queue
                    cloudformation: AWS::SQS::Queue
                    properties:
                      name: {cloudformation: QueueName}
                rules:
                  - id: acme-queue-name
                    severity: warning
                    title: Queue name
                    prevents: queues nobody finds
                    fix: Rename it.
                    doc: "# acme-queue-name"
                    because: the inventory reads the prefix
                    resources: {kind: QUEUE}
                    where:
                      - {property: name, present: true}
                    should:
                      - {property: name, matches: 'acme-.*'}
                """);
        Rule r = rules.get(0);
        assertEquals("resources of kind QUEUE that have name should have name matching acme-.*, because the "
                + "inventory reads the prefix", r.info().description());
        assertEquals(Severity.WARNING, r.info().severity());
        assertEquals(List.of("QUEUE"), r.info().customKinds());
        List<Finding> found = r.evaluate(infrastructure);
        assertEquals(1, found.size());
        assertEquals("Queue does not have name matching acme-.* (QueueName: other-q)", found.get(0).message());
        assertEquals("stack.yaml", found.get(0).span().file());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nope: 1 | rules.yaml:1:1: 'nope': unknown key (expected one of: kinds, rules)
            rules: [] | rules.yaml:1:8: 'rules': the file declares no rule
            '' | rules.yaml:1:1: the file declares no rule (expected 'rules:')
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, present: yes}]}]' | rules.yaml:1:84: 'rules[0].should[0].present': must be true or false, not 'yes'
            'rules: [{id: Bad Id, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true}]}]' | rules.yaml:1:14: 'rules[0].id': rule ids are kebab-case: Bad Id
            'rules: [{id: x, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true}]}]' | rules.yaml:1:9: 'rules[0].title': missing
            'rules: [{id: x, title: t, severity: fatal, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true}]}]' | rules.yaml:1:37: 'rules[0].severity': must be error, warning or note, not 'fatal'
            'rules: [{id: x, title: t, resources: {kind: NOPE}, should: [{tag: T, present: true}]}]' | rules.yaml:1:45: 'rules[0].resources.kind': unknown kind 'NOPE' (a built-in kind such as ECS_SERVICE, see 'preflight rules', or a kind declared under 'kinds:' in this file)
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP, type: x}, should: [{tag: T, present: true}]}]' | rules.yaml:1:38: 'rules[0].resources': give either 'kind' or 'type'
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: []}]' | rules.yaml:1:65: 'rules[0].should': name at least one condition
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T}]}]' | rules.yaml:1:66: 'rules[0].should[0]': no operator: give one of present, equals, one_of, matches
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true, equals: a}]}]' | rules.yaml:1:66: 'rules[0].should[0]': one operator at a time, not present and equals; give one of present, equals, one_of, matches
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, property: p, present: true}]}]' | rules.yaml:1:66: 'rules[0].should[0]': a condition names exactly one of property, tag, follow, referenced_by, not, any_of, not property and tag
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, shout: true}]}]' | rules.yaml:1:75: 'rules[0].should[0].shout': unknown key (expected one of: any_of, at_least, at_most, default, equals, follow, matches, not, one_of, present, property, referenced_by, should, tag)
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{property: p, matches: ''[''}]}]' | rules.yaml:1:89: 'rules[0].should[0].matches': not a valid regular expression: Unclosed character class
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{property: p, at_least: ten}]}]' | rules.yaml:1:90: 'rules[0].should[0].at_least': must be a number, not 'ten'
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{property: p, matches: a, default: b}]}]' | rules.yaml:1:101: 'rules[0].should[0].default': goes with 'equals' or 'one_of' only
            'rules: [{id: x, title: t, resources: {kind: LOG_GROUP}, should: [{follow: p}]}]' | rules.yaml:1:75: 'rules[0].should[0].should': missing: say what the referenced resources should meet
            'rules: [{id: x, title: t, id: y}]' | rules.yaml:1:27: 'rules[0].id': given twice
            'kinds: [{name: SUBNET, terraform: aws_x_y}]' | rules.yaml:1:9: 'kinds[0]': SUBNET is a built-in kind: select it with Kind.SUBNET
            'kinds: [{name: Q}]' | rules.yaml:1:9: 'kinds[0]': a kind needs a 'terraform' or 'cloudformation' type
            'rules: {id: [x' | rules.yaml:1:15: not valid YAML: expected ',' or ']', but got <stream end>
            """)
    void schemaErrorsNameTheFileLineColumnAndKey(String yaml, String message) {
        RuleFileException e = assertThrows(RuleFileException.class, () -> load(yaml.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void twoRulesWithOneIdInAFileAreAnError() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> load("""
                rules:
                  - {id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true}]}
                  - {id: x, title: t, resources: {kind: LOG_GROUP}, should: [{tag: T, present: true}]}
                """));
        assertEquals("rules.yaml:3:5: 'rules[1].id': rule id 'x' is declared twice in this file", e.getMessage());
    }
}
