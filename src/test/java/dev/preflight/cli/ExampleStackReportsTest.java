package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.testing.JunitXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's example stacks through the real rules and reporters, as a new user sees them: JUnit that agrees with
 * the gate, and fix hints in the syntax of the file each finding is in.
 */
class ExampleStackReportsTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final String EXAMPLES = "testdata/examples";
    private static List<Rule> rules;
    private static JsonNode findings;

    @BeforeAll
    static void scan() throws Exception {
        rules = RuleRegistry.discover().rules();
        CliRun json = CliRun.in(REPO, rules, "scan", EXAMPLES, "--no-config", "--format", "json");
        assertEquals(1, json.exitCode(), json.err());
        findings = new ObjectMapper().readTree(json.out()).get("findings");
        assertTrue(findings.size() >= 10, json.out());
    }

    @Test
    void junitWithFailOnErrorFailsExactlyTheErrorFindingsAndParses() throws Exception {
        CliRun junit = CliRun.in(REPO, rules, "scan", EXAMPLES, "--no-config", "--format", "junit", "--fail-on",
                "error");
        assertEquals(1, junit.exitCode(), "the examples have errors: " + junit.err());
        List<String> failing = new ArrayList<>();
        int cases = 0;
        for (ReportTestSuite suite : JunitXml.parse(junit.out())) {
            for (ReportTestCase c : suite.getTestCases()) {
                cases++;
                if (c.hasFailure() || c.hasError()) {
                    failing.add(c.getFullClassName() + "@" + c.getName());
                }
            }
        }
        List<String> errors = new ArrayList<>();
        List<String> milder = new ArrayList<>();
        for (JsonNode f : findings) {
            String key = f.get("ruleId").asText() + "@" + f.get("file").asText();
            (f.get("severity").asText().equals("error") ? errors : milder).add(key);
        }
        assertEquals(new TreeSet<>(errors), new TreeSet<>(failing));
        assertFalse(milder.isEmpty(), "the examples have warnings too, which must not fail");
        assertTrue(cases > failing.size(), "rules that ran and found nothing are passing cases");
        // every milder finding is still there, as output of its passing case
        assertEquals(milder.size(), junit.out().split("\\[below --fail-on error]", -1).length - 1);
    }

    @Test
    void eachFindingsFixHintIsInTheSyntaxOfItsFormat() {
        // Terraform's attribute assignment and blocks, or CloudFormation's PascalCase keys, never both
        Pattern terraform = Pattern.compile("\\b[a-z0-9]+_[a-z0-9_]+\\s*=|\\b[a-z0-9]+_[a-z0-9_]+ \\{");
        Pattern cloudformation = Pattern.compile("\\b[A-Z][A-Za-z0-9]+: ");
        Pattern both = Pattern.compile("[a-z0-9]+_[a-z0-9_]+ / [A-Z]");
        int checked = 0;
        for (JsonNode f : findings) {
            String hint = f.get("fixHint").asText();
            boolean template = f.get("file").asText().endsWith(".yaml");
            assertFalse(both.matcher(hint).find(), "both formats' names in " + hint);
            assertFalse((template ? terraform : cloudformation).matcher(hint).find(),
                    f.get("file").asText() + " " + f.get("ruleId").asText() + ": " + hint);
            checked++;
        }
        assertTrue(checked > 0);
        JsonNode breaker = find("ecs-circuit-breaker-disabled", ".yaml");
        assertTrue(breaker.get("fixHint").asText().contains("DeploymentCircuitBreaker"), breaker.toString());
        JsonNode tfBreaker = find("ecs-circuit-breaker-disabled", ".tf");
        assertTrue(tfBreaker.get("fixHint").asText().contains("deployment_circuit_breaker {"), tfBreaker.toString());
    }

    @Test
    void unknownPartsOfAValueSayWhyTheyAreUnknown() {
        JsonNode pull = find("fargate-ecr-execution-role-missing", ".yaml");
        String message = pull.get("message").asText();
        assertFalse(message.contains("${?}"), message);
        assertTrue(message.contains("(unknown: "), message);
    }

    private static JsonNode find(String rule, String suffix) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(rule) && f.get("file").asText().endsWith(suffix)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding in a " + suffix + " file: " + findings);
    }
}
