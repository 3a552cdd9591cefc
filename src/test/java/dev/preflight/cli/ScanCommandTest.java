package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import dev.preflight.testing.SarifSchema;
import dev.preflight.testing.TextMatchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;
    List<Rule> rules;

    @BeforeEach
    void rules() {
        rules = List.of(new TextMatchRule("no-single-az", Severity.ERROR, dir, dir, "single-az"),
                new TextMatchRule("no-latest", Severity.WARNING, dir, dir, "latest"));
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private CliRun scan(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.in(dir, rules, all);
    }

    @Test
    void exitCodesFollowTheThreshold() throws Exception {
        write("main.tf", "resource \"aws_ecs_service\" \"s\" {\n  image = \"latest\"\n}\n");
        assertEquals(1, scan().exitCode());
        assertEquals(0, scan("--fail-on", "error").exitCode());
        assertEquals(1, scan("--fail-on", "note").exitCode());
        assertEquals(0, scan("--fail-on", "never").exitCode());
        assertEquals(0, scan("--skip-rule", "no-latest").exitCode());
        assertEquals(0, scan("--rule", "no-single-az").exitCode());
        assertEquals(0, scan("--severity-override", "no-latest=note").exitCode());
        write("clean/main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        CliRun clean = scan("clean", "--rule", "no-single-az");
        assertEquals(0, clean.exitCode(), clean.out());
        assertEquals("preflight: no findings in 1 file\n", clean.out());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhat() {
        CliRun unknown = scan("--skip-rule", "no-such-rule");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown rule id 'no-such-rule'"), unknown.err());
        assertEquals(2, scan("--format", "yaml").exitCode());
        assertTrue(scan("--format", "yaml").err().contains("unknown format 'yaml'"));
        assertEquals(2, scan("--output", "x.sarif").exitCode());
        assertEquals(2, scan("--fail-on", "sometimes").exitCode());
        assertEquals(2, scan("--severity-override", "no-latest").exitCode());
        assertEquals(2, scan("--bogus").exitCode());
    }

    @Test
    void unreadableInputWinsOverFindings() throws Exception {
        write("main.tf", "resource \"aws_lb\" \"a\" {\n  subnets = \"single-az\"\n}\n");
        write("broken/main.tf", "resource \"aws_lb\" \"b\" {\n  subnets = \n");
        CliRun run = scan();
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("broken/main.tf:2:"), run.out());
        assertTrue(run.out().contains("error[parse-error]"), run.out());
        assertEquals(2, scan("missing-dir").exitCode());
    }

    @Test
    void formatsWithTheirOwnOutputs() throws Exception {
        write("net/main.tf", "resource \"aws_lb\" \"a\" {\n  subnets = \"single-az\"\n}\n");
        CliRun run = scan("--format", "sarif", "--output", "out/preflight.sarif", "--format", "json", "-o",
                "out/preflight.json", "--format", "junit", "--output", "out/junit.xml", "--format", "text");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("net/main.tf:2:14: error[no-single-az] single-az is not allowed here"),
                run.out());
        JsonNode sarif = SarifSchema.assertValid(Files.readAllBytes(dir.resolve("out/preflight.sarif")));
        assertEquals("net/main.tf", sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/preflight.json").toFile());
        assertEquals("aws_lb.a", json.at("/findings/0/resource").asText());
        assertEquals(14, json.at("/findings/0/column").asInt());
        assertTrue(Files.readString(dir.resolve("out/junit.xml")).contains("<testsuites"));
    }

    @Test
    void suppressedFindingsAreReportedButDoNotFail() throws Exception {
        write("main.tf", """
                # preflight:ignore no-single-az the dev stack is single-AZ on purpose
                resource "aws_lb" "a" {
                  subnets = "single-az"
                }
                """);
        CliRun run = scan("--format", "json", "--format", "sarif", "--output", "p.sarif");
        assertEquals(0, run.exitCode(), run.out());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.at("/findings/0/suppressed").asBoolean());
        assertEquals("the dev stack is single-AZ on purpose", json.at("/findings/0/suppression/reason").asText());
        JsonNode sarif = SarifSchema.assertValid(Files.readAllBytes(dir.resolve("p.sarif")));
        assertEquals("inSource", sarif.at("/runs/0/results/0/suppressions/0/kind").asText());
    }

    @Test
    void suppressionWithoutReasonAndUnusedOnes() throws Exception {
        write("main.tf", """
                # preflight:ignore no-single-az
                resource "aws_lb" "a" {
                  subnets = "single-az"
                }
                # preflight:ignore no-latest nothing to see
                resource "aws_lb" "b" {
                }
                """);
        CliRun run = scan();
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("main.tf:1:1: warning[suppression-without-reason]"), run.out());
        assertFalse(run.out().contains("unused-suppression"));
        CliRun unused = scan("--report-unused-suppressions", "--fail-on", "error");
        assertTrue(unused.out().contains("main.tf:5:1: warning[unused-suppression]"), unused.out());
        assertEquals(0, unused.exitCode());
    }

    @Test
    void baselineHidesOldFindingsAndCatchesNewOnesAfterLinesMoved() throws Exception {
        write("main.tf", "resource \"aws_lb\" \"a\" {\n  subnets = \"single-az\"\n}\n");
        CliRun written = scan("--write-baseline", ".preflight-baseline.json");
        assertEquals(0, written.exitCode(), written.out() + written.err());
        assertTrue(written.err().contains("wrote 1 findings"));
        // lines move: a new resource above, and the old finding three lines lower
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n\n"
                + "resource \"aws_lb\" \"a\" {\n\n  subnets = \"single-az\"\n}\n");
        CliRun moved = scan("--baseline", ".preflight-baseline.json");
        assertEquals(0, moved.exitCode(), moved.out());
        assertTrue(moved.out().contains("(0 suppressed, 1 in the baseline)"), moved.out());
        write("main.tf", "resource \"aws_lb\" \"b\" {\n  subnets = \"single-az\"\n}\n\n"
                + "resource \"aws_lb\" \"a\" {\n\n  subnets = \"single-az\"\n}\n");
        CliRun added = scan("--baseline", ".preflight-baseline.json", "--format", "json");
        assertEquals(1, added.exitCode());
        JsonNode json = new ObjectMapper().readTree(added.out());
        assertEquals(1, json.get("findings").size());
        assertEquals("aws_lb.b", json.at("/findings/0/resource").asText());
        assertEquals(1, json.at("/summary/baselined").asInt());
    }

    @Test
    void configFileAppliesAndTheCommandLineWins() throws Exception {
        write("main.tf", "resource \"aws_lb\" \"a\" {\n  image = \"latest\"\n}\n");
        write(".preflight.yaml", "severity:\n  no-latest: note\nfail_on: warning\n");
        assertEquals(0, scan().exitCode());
        assertEquals(1, scan("--fail-on", "note").exitCode());
        assertEquals(1, scan("--severity-override", "no-latest=warning").exitCode());
        assertEquals(1, scan("--no-config").exitCode());
        write(".preflight.yaml", "rules:\n  disable: [no-latest]\n");
        assertEquals(0, scan().exitCode());
        assertEquals(1, scan("--rule", "no-latest").exitCode());
        write("legacy/broken.tf", "resource {\n");
        write(".preflight.yaml", "rules:\n  disable: [no-latest]\nexclude: [\"legacy\"]\n");
        assertEquals(0, scan().exitCode());
        assertEquals(2, scan("--no-config", "--skip-rule", "no-latest").exitCode());
        write(".preflight.yaml", "rules:\n  disabled: [no-latest]\n");
        CliRun bad = scan();
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(".preflight.yaml:2: unknown key 'rules.disabled'"), bad.err());
    }

    @Test
    void namedFilesAreWidenedToTheirModuleAndFindingsElsewhereAreLeftOut() throws Exception {
        write("net/main.tf", "resource \"aws_lb\" \"a\" {\n}\n");
        write("net/lb.tf", "resource \"aws_lb\" \"b\" {\n  subnets = \"single-az\"\n}\n");
        write("app/main.tf", "resource \"aws_lb\" \"c\" {\n  subnets = \"single-az\"\n}\n");
        write(".github/workflows/ci.yml", "on: push\n");
        CliRun run = scan("--skip-unrecognized", "net/main.tf", ".github/workflows/ci.yml");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("net/lb.tf:2:14: error[no-single-az]"), run.out());
        assertFalse(run.out().contains("app/main.tf"), run.out());
        assertEquals(2, scan("net/main.tf", ".github/workflows/ci.yml").exitCode());
    }

    private static final String APPSPEC = "version: 0.0\nResources:\n  - TargetService:\n"
            + "      Type: AWS::ECS::Service\n";

    @Test
    void verboseSaysWhatWasLeftOutAndWhy() throws Exception {
        write("appspec.yaml", APPSPEC);
        write(".aws-sam/build/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        CliRun quiet = scan();
        assertEquals(0, quiet.exitCode(), quiet.out());
        assertEquals("", quiet.err());
        CliRun verbose = scan("--verbose");
        assertEquals(0, verbose.exitCode(), verbose.out());
        assertEquals("preflight: skipped .aws-sam: a tool's folder, not your code: the AWS SAM CLI's build output"
                + " (sam build) (name it on the command line to scan it)\n"
                + "preflight: skipped appspec.yaml: not a CloudFormation template: its Resources is a list (the shape"
                + " of a CodeDeploy AppSpec file), not a mapping of logical ids to resources\n", verbose.err());
        assertEquals(verbose.err(), scan("-v").err());
    }

    @Test
    void aNamedYamlFileThatIsNotATemplateIsAnErrorUnlessUnrecognizedFilesAreSkipped() throws Exception {
        write("appspec.yaml", APPSPEC);
        CliRun named = scan("appspec.yaml");
        assertEquals(2, named.exitCode(), named.out());
        assertTrue(named.out().contains("appspec.yaml:1:1: error[parse-error] not a CloudFormation template: its"
                + " Resources is a list"), named.out());
        CliRun preCommit = scan("--skip-unrecognized", "appspec.yaml");
        assertEquals(0, preCommit.exitCode(), preCommit.out());
        assertEquals(0, scan(".").exitCode(), "found in a directory, it is skipped");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() throws Exception {
        write("main.tf", "resource \"aws_lb\" \"a\" {\n  subnets = \"single-az\"\n}\n");
        assertTrue(CliRun.in(dir, rules, Map.of(), true, "scan").out().contains("\u001b["));
        assertFalse(CliRun.in(dir, rules, Map.of("NO_COLOR", "1"), true, "scan").out().contains("\u001b["));
        assertFalse(CliRun.in(dir, rules, Map.of(), false, "scan").out().contains("\u001b["));
        assertTrue(CliRun.in(dir, rules, Map.of(), false, "scan", "--color", "always").out().contains("\u001b["));
    }
}
