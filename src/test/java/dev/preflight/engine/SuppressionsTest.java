package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private static Finding finding(String rule, String file, int line) {
        return new Finding(rule, Severity.ERROR, rule + " at " + line, new Span(file, line, 3, line, 9), "r", "p",
                "v" + line, null);
    }

    /** Which lines of {@code rule} findings at {@code lines} end up suppressed. */
    private static Map<Integer, Boolean> suppressedLines(SourceFile file, String rule, int... lines) {
        List<Finding> findings = java.util.Arrays.stream(lines).mapToObj(l -> finding(rule, file.displayPath(), l))
                .toList();
        return Suppressions.in(List.of(file)).apply(findings, false).stream()
                .filter(r -> r.finding().ruleId().equals(rule))
                .collect(Collectors.toMap(r -> r.finding().span().line(), ReportedFinding::suppressed));
    }

    @Test
    void hclCommentAboveAResourceCoversTheWholeBlock() {
        SourceFile tf = SourceFile.of("main.tf", """
                # preflight:ignore rule-a accepted until the second AZ exists
                resource "aws_lb" "web" {
                  subnets = ["x"]
                  tags = {
                    a = "}"
                  }
                }
                resource "aws_lb" "api" {
                  subnets = ["x"]
                }
                """);
        assertEquals(Map.of(2, true, 3, true, 5, true, 7, true, 9, false), suppressedLines(tf, "rule-a", 2, 3, 5,
                7, 9));
        assertEquals(Map.of(3, false), suppressedLines(tf, "rule-b", 3));
    }

    @Test
    void trailingAndSlashCommentsAndAttributeLevel() {
        SourceFile tf = SourceFile.of("main.tf", """
                resource "aws_lb" "web" {
                  subnets = ["x"] # preflight:ignore rule-a -- one AZ is enough in dev
                  name    = "y"
                  // preflight:ignore rule-a,rule-b legacy name
                  other   = "z"
                  last    = "w"
                }
                """);
        assertEquals(Map.of(2, true, 3, false, 5, true, 6, false), suppressedLines(tf, "rule-a", 2, 3, 5, 6));
        assertEquals(Map.of(5, true), suppressedLines(tf, "rule-b", 5));
        Suppression first = Suppressions.in(List.of(tf)).all().get(0);
        assertEquals("one AZ is enough in dev", first.reason());
    }

    @Test
    void markerInsideAStringIsNotAComment() {
        SourceFile tf = SourceFile.of("main.tf", """
                resource "aws_lb" "web" {
                  name = "# preflight:ignore rule-a because"
                }
                """);
        assertTrue(Suppressions.in(List.of(tf)).all().isEmpty());
    }

    @Test
    void yamlCommentAboveALogicalIdCoversTheResource() {
        SourceFile yaml = SourceFile.of("stack.yaml", """
                Resources:
                  # preflight:ignore rule-a the queue is drained by a lambda we do not own
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      Tags:
                      - Key: a
                        Value: b
                  Other:
                    Type: AWS::SQS::Queue
                """);
        assertEquals(Map.of(3, true, 6, true, 8, true, 9, false, 10, false),
                suppressedLines(yaml, "rule-a", 3, 6, 8, 9, 10));
    }

    @Test
    void cloudFormationMetadataCoversItsResourceInJsonTemplates() {
        SourceFile json = SourceFile.of("stack.json", """
                {
                  "Resources": {
                    "Queue": {
                      "Type": "AWS::SQS::Queue",
                      "Metadata": {"preflight": {"ignore": [
                        {"id": "rule-a", "reason": "drained elsewhere"},
                        {"id": "rule-b"}
                      ]}},
                      "Properties": {"QueueName": {"Ref": "Name"}}
                    },
                    "Other": {"Type": "AWS::SQS::Queue"}
                  }
                }
                """);
        assertEquals(Map.of(3, true, 9, true, 11, false), suppressedLines(json, "rule-a", 3, 9, 11));
        List<ReportedFinding> out = Suppressions.in(List.of(json)).apply(List.of(finding("rule-b", "stack.json",
                9)), false);
        assertTrue(out.stream().anyMatch(r -> r.finding().ruleId().equals("rule-b") && r.suppressed()));
        ReportedFinding noReason = out.stream().filter(r -> r.finding().ruleId().equals(Suppressions.WITHOUT_REASON))
                .findFirst().orElseThrow();
        assertEquals(Severity.WARNING, noReason.finding().severity());
        assertEquals(7, noReason.finding().span().line());
        assertFalse(noReason.suppressed());
    }

    @Test
    void yamlTemplateMetadataWithShortFormTags() {
        SourceFile yaml = SourceFile.of("stack.yaml", """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Metadata:
                      preflight:
                        ignore:
                          - id: rule-a
                            reason: fine
                    Properties:
                      QueueName: !Ref Name
                """);
        assertEquals(Map.of(10, true), suppressedLines(yaml, "rule-a", 10));
    }

    @Test
    void withoutReasonIsReportedAndUnusedOnlyWhenAsked() {
        SourceFile tf = SourceFile.of("main.tf", """
                # preflight:ignore rule-a
                resource "aws_lb" "web" {
                }
                # preflight:ignore rule-b not needed any more
                resource "aws_lb" "api" {
                }
                """);
        Suppressions s = Suppressions.in(List.of(tf));
        List<ReportedFinding> quiet = s.apply(List.of(finding("rule-a", "main.tf", 2)), false);
        assertEquals(List.of(Suppressions.WITHOUT_REASON, "rule-a"),
                quiet.stream().map(r -> r.finding().ruleId()).toList());
        assertNull(s.all().get(0).reason());
        List<ReportedFinding> loud = s.apply(List.of(finding("rule-a", "main.tf", 2)), true);
        ReportedFinding unused = loud.stream().filter(r -> r.finding().ruleId().equals(Suppressions.UNUSED))
                .findFirst().orElseThrow();
        assertEquals(4, unused.finding().span().line());
        assertEquals(3, loud.size());
    }
}
