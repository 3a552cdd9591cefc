package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are big or deep rather than wrong: a 50 MB file, multi-megabyte lines, 10,000 levels of nesting in
 * HCL, YAML and JSON. The scan must end in bounded time (limits here are generous: the point is "not minutes, not
 * a hang, not a StackOverflowError"), say what it refused and why, and still check the good module.
 */
class LargeInputTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int DEPTH = 10_000;

    @TempDir
    Path dir;

    @Test
    void fiftyMegabyteTerraformFileIsReadToTheEnd() throws IOException {
        Path file = dir.resolve("huge/main.tf");
        Files.createDirectories(file.getParent());
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String padding = "# " + "padding ".repeat(12) + "\n";
            String local = "locals {\n  l%d = \"%s\"\n}\n";
            for (int i = 0; Files.size(file) < 0 || lines < 50L * 1024 * 1024 / padding.length(); i++) {
                if (i % 100 == 0) {
                    w.write(String.format(local, i, "value-" + i));
                    lines += 3;
                } else {
                    w.write(padding);
                    lines++;
                }
            }
            // a finding in the last line proves that the whole file was read, not a prefix
            w.write(CliScan.GOOD_TF);
        }
        assertTrue(Files.size(file) > 50L * 1024 * 1024 * 9 / 10, "file is ~50 MB");
        long lastLine = lines + 2;
        CliScan.Outcome o = assertTimeoutPreemptively(BOUND, () -> CliScan.scan(dir, "huge"));
        assertEquals(List.of(), o.errors(), o::toString);
        assertTrue(o.findings().stream().anyMatch(f -> f.path("line").asLong() == lastLine
                && f.path("ruleId").asText().equals(CliScan.GOOD_RULE)), "finding on the last line " + lastLine);
    }

    @Test
    void fiftyMegabyteYamlTemplateIsRefusedWithAReason() throws IOException {
        String good = CliScan.writeGoodModule(dir);
        Path file = dir.resolve("huge/stack.yaml");
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
            String resource = "  R%d:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: topic-%d\n";
            for (int i = 0; i < 50 * 1024 * 1024 / 70; i++) {
                w.write(String.format(resource, i, i));
            }
        }
        CliScan.Outcome o = assertTimeoutPreemptively(BOUND, () -> CliScan.scan(dir, "good", "huge"));
        assertEquals(2, o.exitCode(), o::toString);
        List<JsonNode> errors = o.errorsIn("huge/stack.yaml");
        assertEquals(1, errors.size(), o::toString);
        assertTrue(errors.get(0).path("message").asText().contains("template too large"), o::toString);
        assertTrue(o.goodFileChecked(good), o::toString);
    }

    @Test
    void multiMegabyteLinesInEveryFormat() throws IOException {
        String big = "x".repeat(5 * 1024 * 1024);
        write("longtf/main.tf", "locals {\n  blob = \"" + big + "\"\n}\n" + CliScan.GOOD_TF);
        // YAML templates are refused above 2 MiB (SnakeYAML is quadratic in a scalar's length): 1.5 MB on one line
        String bigYaml = "y".repeat(1536 * 1024);
        write("longyaml/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: " + bigYaml + "\nResources:\n"
                + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      VpcId: bad\n");
        // a minified template: everything on one line
        write("longjson/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Description\": \"" + big + "\", \"Resources\": {\"Sg\": {\"Type\":"
                + " \"AWS::EC2::SecurityGroup\", \"Properties\": {\"VpcId\": \"bad\"}}}}");
        CliScan.Outcome o = assertTimeoutPreemptively(BOUND, () -> CliScan.scan(dir, "."));
        assertEquals(List.of(), o.errors(), o::toString);
        assertTrue(o.goodFileChecked("longtf/main.tf"), o::toString);
        assertEquals(3, o.findings().stream().filter(f -> f.path("ruleId").asText().equals(CliScan.GOOD_RULE))
                .count(), o::toString);
    }

    @Test
    void deepHclCollections() throws IOException {
        assertDeepInputRefused("deep/main.tf", "locals {\n  x = " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n}\n",
                2, "nesting too deep");
    }

    @Test
    void deepHclParentheses() throws IOException {
        assertDeepInputRefused("deep/main.tf", "locals {\n  x = " + "(".repeat(DEPTH) + "1" + ")".repeat(DEPTH)
                + "\n}\n", 2, "nest");
    }

    @Test
    void deepHclTemplateInterpolations() throws IOException {
        assertDeepInputRefused("deep/main.tf", "locals {\n  x = " + "\"${".repeat(DEPTH) + "1" + "}\"".repeat(DEPTH)
                + "\n}\n", 2, "nest");
    }

    @Test
    void deepHclBlocks() throws IOException {
        StringBuilder s = new StringBuilder("locals {\n  x = 1\n}\n");
        for (int i = 0; i < DEPTH; i++) {
            s.append("b {\n");
        }
        s.append("}\n".repeat(DEPTH));
        assertDeepInputRefused("deep/main.tf", s.toString(), 0, "nest");
    }

    @Test
    void deepYamlFlowCollections() throws IOException {
        assertDeepInputRefused("deep/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: "
                + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n", 3, "nest");
    }

    @Test
    void deepYamlBlockMappings() throws IOException {
        StringBuilder s = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
        for (int i = 0; i < 2000; i++) { // 2,000 levels of indentation is already 4 MB of spaces
            s.append(" ".repeat(i + 2)).append("k").append(i).append(":\n");
        }
        assertDeepInputRefused("deep/stack.yaml", s.toString(), 0, "nest");
    }

    @Test
    void deepJsonArrays() throws IOException {
        assertDeepInputRefused("deep/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": "
                + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}", 2, "nest");
    }

    @Test
    void deepTerraformJson() throws IOException {
        assertDeepInputRefused("deep/main.tf.json", "{\"locals\": {\"x\": " + "[".repeat(DEPTH)
                + "]".repeat(DEPTH) + "}}", 1, "nest");
    }

    /** {@code line} 0: any line. The message must say that nesting is the problem. */
    private void assertDeepInputRefused(String name, String text, int line, String word) throws IOException {
        String good = CliScan.writeGoodModule(dir);
        write(name, text);
        CliScan.Outcome o = assertTimeoutPreemptively(BOUND, () -> CliScan.scan(dir, "good", name));
        assertEquals(2, o.exitCode(), o::toString);
        List<JsonNode> errors = o.errorsIn(name);
        assertEquals(1, errors.size(), o::toString);
        if (line > 0) {
            assertEquals(line, errors.get(0).path("line").asInt(), o::toString);
        }
        assertTrue(errors.get(0).path("message").asText().toLowerCase().contains(word), o::toString);
        assertTrue(o.goodFileChecked(good), o::toString);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
