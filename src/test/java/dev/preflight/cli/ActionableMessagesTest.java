package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import dev.preflight.testing.TextMatchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages of a user's first minutes: each says what is wrong and what to do, in terms of what the user typed
 * (a path, an option, a rule id, a config key).
 */
class ActionableMessagesTest {
    @TempDir
    Path dir;
    List<Rule> rules;

    @BeforeEach
    void rules() {
        rules = List.of(new TextMatchRule("ecr-tag-mutable", Severity.WARNING, dir, dir, "MUTABLE"),
                new TextMatchRule("alb-subnets-single-az", Severity.ERROR, dir, dir, "single-az"));
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(dir, rules, env, false, args);
    }

    private CliRun run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void aPathThatDoesNotExistIsAnInputErrorThatSaysToCheckThePath() throws Exception {
        write("infra/main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        CliRun missing = run("scan", "infra/mian.tf", "--format", "json");
        assertEquals(2, missing.exitCode());
        JsonNode finding = new ObjectMapper().readTree(missing.out()).at("/findings/0");
        assertEquals("input-error", finding.get("ruleId").asText());
        assertEquals("infra/mian.tf", finding.get("file").asText());
        assertEquals("no such file or directory", finding.get("message").asText());
        assertTrue(finding.get("fixHint").asText().startsWith("Check the path"), finding.toString());

        CliRun text = run("scan", "infra/mian.tf");
        assertTrue(text.out().contains("error[input-error] no such file or directory"), text.out());
        assertFalse(text.out().contains("syntax"), "a missing file is no syntax error: " + text.out());
    }

    @Test
    void aMissingVarFileAndABinaryFileAreInputErrorsAndASyntaxErrorStaysAParseError() throws Exception {
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        CliRun varFile = run("scan", "--var-file", "env/prod.tfvars");
        assertEquals(2, varFile.exitCode());
        assertTrue(varFile.out().contains("env/prod.tfvars:1:1: error[input-error] no such file or directory"),
                varFile.out());

        Files.write(dir.resolve("bin.tf"), new byte[] {'a', 0, 'b'});
        CliRun binary = run("scan", "bin.tf");
        assertTrue(binary.out().contains("error[input-error] binary file"), binary.out());
        assertTrue(binary.out().contains("fix: Make the file readable as UTF-8 text"), binary.out());

        write("broken/main.tf", "resource \"aws_lb\" \"b\" {\n  subnets = \n");
        CliRun broken = run("scan", "broken");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.out().contains("error[parse-error]"), broken.out());
        assertTrue(broken.out().contains("fix: Fix the syntax error"), broken.out());
    }

    @Test
    void aNamedFileThatIsNotInfrastructureAsCodeSaysHowToSkipIt() throws Exception {
        write("ci.yml", "on: push\n");
        CliRun run = run("scan", "ci.yml");
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("ci.yml:1:1: error[input-error] not a Terraform or CloudFormation file"),
                run.out());
        assertTrue(run.out().contains("--skip-unrecognized"), run.out());
    }

    @Test
    void aScanThatFindsNothingToCheckSaysSoAndFailsInCiOrWhenAsked() throws Exception {
        write("docs/readme.md", "# nothing here\n");
        CliRun local = run("scan", "docs");
        assertEquals(0, local.exitCode(), local.err());
        assertTrue(local.err().contains("preflight: nothing to check: no Terraform or CloudFormation files in docs"),
                local.err());

        CliRun ci = run(Map.of("CI", "true"), "scan", "docs");
        assertEquals(2, ci.exitCode(), ci.err());
        assertTrue(ci.err().contains("--on-empty pass"), "says how to allow it: " + ci.err());
        assertEquals(0, run(Map.of("CI", "true"), "scan", "docs", "--on-empty", "pass").exitCode());
        assertEquals(2, run("scan", "docs", "--on-empty=fail").exitCode());
        assertEquals(2, run("scan", "docs", "--on-empty", "maybe").exitCode());

        write("infra/main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        CliRun excluded = run(Map.of("CI", "true"), "scan", "infra", "--exclude", "infra/**");
        assertEquals(2, excluded.exitCode());
        assertTrue(excluded.err().contains("(excluding infra/**)"), excluded.err());
        CliRun something = run(Map.of("CI", "true"), "scan", "infra");
        assertEquals(0, something.exitCode(), something.err());
        assertEquals("", something.err());
    }

    @Test
    void everyConfigErrorIsReportedAtOnceWithItsLineAndKey() throws Exception {
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        write(".preflight.yaml", """
                rules:
                  disable: ecr-tag-mutable
                  enabel: [alb-subnets-single-az]
                severity:
                  ecr-tag-mutabel: error
                  alb-subnets-single-az: loud
                exlude: ["legacy/**"]
                fail_on: [error]
                terraform:
                  var_files: [1, env/prod.tfvars]
                """);
        CliRun run = run("scan");
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().filter(l -> l.contains(".preflight.yaml:")).toList();
        String f = dir.resolve(".preflight.yaml").toString();
        assertEquals(List.of(
                "preflight: " + f + ":2: 'rules.disable' must be a list, not the text 'ecr-tag-mutable': write "
                        + "disable: [ecr-tag-mutable]",
                "preflight: " + f + ":3: unknown key 'rules.enabel' (did you mean 'enable'?)",
                "preflight: " + f + ":5: unknown rule id 'ecr-tag-mutabel' in 'severity' (did you mean "
                        + "'ecr-tag-mutable'?)",
                "preflight: " + f + ":6: 'severity.alb-subnets-single-az' must be one of error, warning, note, not "
                        + "the text 'loud'",
                "preflight: " + f + ":7: unknown key 'exlude' (did you mean 'exclude'?)",
                "preflight: " + f + ":8: 'fail_on' must be one of error, warning, note, never, not a list",
                "preflight: " + f + ":10: items of 'terraform.var_files' must be strings, not the number 1 (quote "
                        + "it)"), lines);
    }

    @Test
    void theConfigWherePreflightRunsAppliesToAScannedSubdirectory() throws Exception {
        write("infra/main.tf", "resource \"aws_ecr_repository\" \"r\" {\n  tags = \"MUTABLE\"\n}\n");
        assertEquals(1, run("scan", "infra").exitCode());
        write(".preflight.yaml", "rules:\n  disable: [ecr-tag-mutable]\n");
        assertEquals(0, run("scan", "infra").exitCode(), "the repository root's config applies to infra/");
        write("infra/.preflight.yaml", "fail_on: never\n");
        write(".preflight.yaml", "rules:\n  disabled: [ecr-tag-mutable]\n");
        assertEquals(0, run("scan", "infra").exitCode(), "the scanned directory's own config comes first");
    }

    @Test
    void mistypedOptionsCommandsFormatsAndRuleIdsGetADidYouMean() throws Exception {
        write("main.tf", "resource \"aws_vpc\" \"v\" {\n}\n");
        assertTrue(run("scan", "--fial-on", "error").err().contains(
                "unknown option '--fial-on' (did you mean '--fail-on'?)"));
        assertTrue(run("scan", "--skip-unrecognised").err().contains("(did you mean '--skip-unrecognized'?)"));
        assertTrue(run("scna").err().contains("unknown command 'scna' (did you mean 'scan'?)"));
        assertTrue(run("scan", "--format", "sarf").err().contains("unknown format 'sarf' (did you mean 'sarif'?)"));
        assertTrue(run("scan", "--skip-rule", "ecr-tag-mutabel").err().contains(
                "--skip-rule: unknown rule id 'ecr-tag-mutabel' (did you mean 'ecr-tag-mutable'?)"));
        assertTrue(run("explain", "alb-subnets-single").err().contains("(did you mean 'alb-subnets-single-az'?)"));
        CliRun far = run("scan", "--rule", "nothing-like-it");
        assertTrue(far.err().contains("unknown rule id 'nothing-like-it' (see 'preflight rules')"), far.err());
        assertTrue(run("scan", "--skip-rule", "input-error").err().contains("input-error cannot be skipped"));
    }
}
