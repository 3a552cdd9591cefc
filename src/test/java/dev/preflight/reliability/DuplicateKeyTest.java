package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template with a key written twice is read as CloudFormation reads it (the last value wins) and checked; the
 * duplicate is an error finding of its own ({@code duplicate-key}), not a parse error, so the file does not count
 * as unreadable and the exit code is that of findings (1), in YAML and JSON alike.
 */
class DuplicateKeyTest {
    @TempDir
    Path dir;

    private CliScan.Outcome scan(String name, String text, String... options) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = name;
        return CliScan.scan(dir, args);
    }

    private static List<String> rulesAt(CliScan.Outcome o, int line) {
        return o.findings().stream().filter(f -> f.path("line").asInt() == line)
                .map(f -> f.path("ruleId").asText()).toList();
    }

    @Test
    void yamlDuplicateIsAFindingAndTheLastValueIsChecked() throws IOException {
        // the first VpcId is malformed but ignored by CloudFormation; the second, which deploys, is malformed too
        CliScan.Outcome o = scan("dup/stack.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      VpcId: vpc-0123456789abcdef0
                      VpcId: 10.0.0.0/16
                """);
        assertEquals(1, o.exitCode(), o::toString);
        assertEquals(List.of(), o.errors(), o::toString);
        assertEquals(0, o.json().path("summary").path("unreadableInputs").asInt(), o::toString);
        assertEquals(List.of("duplicate-key", "vpc-id-malformed"), rulesAt(o, 8), o::toString);
        JsonNode dup = o.findings().stream().filter(f -> f.path("ruleId").asText().equals("duplicate-key"))
                .findFirst().orElseThrow();
        assertEquals("error", dup.path("severity").asText());
        assertTrue(dup.path("message").asText().contains("lines 7 and 8"), dup::toString);
        assertTrue(dup.path("fixHint").asText().startsWith("Remove or rename"), dup::toString);
    }

    @Test
    void yamlDuplicateWhoseLastValueIsRightLeavesOnlyTheDuplicate() throws IOException {
        CliScan.Outcome o = scan("dup/stack.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      VpcId: 10.0.0.0/16
                      VpcId: vpc-0123456789abcdef0
                """);
        assertEquals(1, o.exitCode(), o::toString);
        assertEquals(List.of("duplicate-key"), o.findings().stream().map(f -> f.path("ruleId").asText()).toList(),
                o::toString);
    }

    @Test
    void jsonDuplicateResourceIsAFinding() throws IOException {
        CliScan.Outcome o = scan("dup/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "\"Resources\": {\n\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\"},\n"
                + "\"Sg\": {\"Type\": \"AWS::EC2::VPC\"}}}");
        assertEquals(1, o.exitCode(), o::toString);
        assertEquals(List.of(), o.errors(), o::toString);
        assertEquals(List.of("duplicate-key"), rulesAt(o, 4), o::toString);
    }

    @Test
    void theDuplicateCanBeSuppressedOrSkippedLikeAnyCheck() throws IOException {
        String yaml = """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                  Topic:  # preflight:ignore duplicate-key kept until the migration deletes the old topic
                    Type: AWS::SNS::Topic
                """;
        CliScan.Outcome suppressed = scan("dup/stack.yaml", yaml);
        assertEquals(0, suppressed.exitCode(), suppressed::toString);
        assertTrue(suppressed.findings().get(0).path("suppressed").asBoolean(), suppressed::toString);
        CliScan.Outcome skipped = scan("dup/stack.yaml", yaml.replace("# preflight", "# no"), "--skip-rule",
                "duplicate-key");
        assertEquals(0, skipped.exitCode(), skipped::toString);
        assertEquals(List.of(), skipped.findings(), skipped::toString);
    }
}
