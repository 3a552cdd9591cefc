package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.SarifSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the shell step of {@code action.yml} as GitHub would, with the real rules, against a stand-in for the
 * launcher that runs the test class path: the step must write valid SARIF, set the exit-code output and exit
 * with preflight's code.
 */
class ActionScriptTest {
    /** An ALB with one subnet: one error, on line 8. */
    private static final String SINGLE_SUBNET_ALB = """
            resource "aws_subnet" "a" {
              vpc_id            = "vpc-0123456789abcdef0"
              cidr_block        = "10.0.1.0/24"
              availability_zone = "eu-west-1a"
            }

            resource "aws_lb" "web" {
              subnets = [aws_subnet.a.id]
            }
            """;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scanStep() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("action.yml"))) {
            Map<String, Object> action = new Yaml().load(in);
            Map<String, Object> runs = (Map<String, Object>) action.get("runs");
            assertEquals("composite", runs.get("using"));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
            assertTrue(steps.stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")));
            assertTrue(steps.stream().anyMatch(s -> String.valueOf(s.get("uses"))
                    .startsWith("github/codeql-action/upload-sarif@")));
            return steps.stream().filter(s -> "scan".equals(s.get("id"))).findFirst().orElseThrow();
        }
    }

    private record Result(int exitCode, String out, String githubOutput) {
    }

    private Result runStep(Path workspace) throws Exception {
        return runStep(workspace, Map.of());
    }

    private Result runStep(Path workspace, Map<String, String> moreEnvironment) throws Exception {
        Path actionPath = Files.createDirectories(dir.resolve("action"));
        Path launcher = actionPath.resolve("preflight");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.preflight.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path githubOutput = dir.resolve("github_output");
        Files.writeString(githubOutput, "");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", (String) scanStep().get("run"))
                .directory(workspace.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("GITHUB_ACTION_PATH", actionPath.toString(),
                "GITHUB_OUTPUT", githubOutput.toString(), "PREFLIGHT_PATHS", ".", "PREFLIGHT_FAIL_ON", "warning",
                "PREFLIGHT_SARIF", "preflight.sarif", "PREFLIGHT_ARGS", ""));
        pb.environment().remove("GITHUB_STEP_SUMMARY");
        pb.environment().putAll(moreEnvironment);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, Files.readString(githubOutput));
    }

    @Test
    void findingsFailTheStepAndLandInValidSarif() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("main.tf"), SINGLE_SUBNET_ALB);
        Result r = runStep(ws);
        assertEquals(1, r.exitCode(), r.out());
        assertEquals("exit-code=1\n", r.githubOutput());
        assertTrue(r.out().contains("::error file=main.tf,line=8,"), r.out());
        JsonNode sarif = SarifSchema.assertValid(Files.readAllBytes(ws.resolve("preflight.sarif")));
        assertEquals("alb-subnets-single-az", sarif.at("/runs/0/results/0/ruleId").asText());
    }

    @Test
    void theMarkdownReportIsAppendedToTheJobSummary() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("main.tf"), SINGLE_SUBNET_ALB);
        Path summary = dir.resolve("step_summary.md");
        Files.writeString(summary, "# an earlier step's summary\n");
        Result r = runStep(ws, Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
        assertEquals(1, r.exitCode(), r.out());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# an earlier step's summary\n## preflight: 1 error"), md);
        assertTrue(md.contains("`alb-subnets-single-az`") && md.contains("main.tf#L8"), md);
        assertTrue(md.contains("```mermaid\nflowchart LR"), md);
    }

    @Test
    void aCleanRepositoryPasses() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("main.tf"), "resource \"aws_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
        Result r = runStep(ws);
        assertEquals(0, r.exitCode(), r.out());
        assertEquals("exit-code=0\n", r.githubOutput());
        SarifSchema.assertValid(Files.readAllBytes(ws.resolve("preflight.sarif")));
    }
}
