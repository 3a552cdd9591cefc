package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input files, one per test, scanned through the CLI next to a good module. Each must give: exit code 2, one
 * error naming the file, the line and what is wrong, and the good module still checked (its finding reported). A
 * CI gate that crashes or silently skips a file on such input is worse than none.
 */
class BadInputTest {
    private static final String TEMPLATE_HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

    @TempDir
    Path dir;

    /** Scans the good module and {@code bad}; asserts the contract and returns the bad file's error. */
    private JsonNode assertReported(String bad, int line, String... messageParts) {
        String good = CliScan.writeGoodModule(dir);
        CliScan.Outcome o = CliScan.scan(dir, "good", bad);
        assertEquals(2, o.exitCode(), () -> "exit code\n" + o);
        List<JsonNode> errors = o.errorsIn(bad);
        assertEquals(1, errors.size(), () -> "one error for " + bad + "\n" + o);
        JsonNode e = errors.get(0);
        assertEquals(line, e.path("line").asInt(), () -> "line of " + e);
        for (String part : messageParts) {
            assertTrue(e.path("message").asText().contains(part), () -> "'" + part + "' in " + e);
        }
        assertTrue(o.goodFileChecked(good), () -> "the good module was not checked\n" + o);
        return e;
    }

    private String write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return name;
    }

    @Test
    void emptyTemplateNamedOnTheCommandLine() throws IOException {
        // an empty .yaml is not recognisably a template; named by hand, the user must hear that it was not checked
        assertReported(write("empty/stack.yaml", ""), 1, "not a Terraform or CloudFormation file");
    }

    @Test
    void emptyTerraformFileIsValid() throws IOException {
        // Terraform accepts an empty .tf file: no error, exit 1 for the good module's finding
        String good = CliScan.writeGoodModule(dir);
        write("empty/main.tf", "");
        CliScan.Outcome o = CliScan.scan(dir, "good", "empty");
        assertEquals(1, o.exitCode(), o::toString);
        assertEquals(List.of(), o.errors());
        assertTrue(o.goodFileChecked(good));
    }

    @Test
    void whitespaceOnlyTemplateWithVersionLineOnly() throws IOException {
        assertReported(write("tpl/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"), 1,
                "no Resources section");
    }

    @Test
    void binaryFileWithTerraformName() throws IOException {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        JsonNode e = assertReported(write("bin/main.tf", bytes), 1, "binary file");
        assertTrue(e.path("message").asText().contains("offset 0"), e::toString);
    }

    @Test
    void invalidUtf8NamesTheLineAndColumn() throws IOException {
        byte[] head = "variable \"a\" {}\n\nlocals {\n  x = \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '\n';
        JsonNode e = assertReported(write("utf/main.tf", bytes), 4, "not valid UTF-8");
        assertEquals(8, e.path("column").asInt(), e::toString);
    }

    @Test
    void invalidUtf8InTemplate() throws IOException {
        byte[] head = (TEMPLATE_HEAD + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n"
                + "      GroupDescription: caf").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é, not UTF-8
        bytes[head.length + 1] = '\n';
        assertReported(write("latin1/stack.yaml", bytes), 6, "not valid UTF-8");
    }

    @Test
    void byteOrderMarksAreNotErrors() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        write("bom/main.tf", concat(bom, "resource \"aws_subnet\" \"a\" {\n  vpc_id = \"bad\"\n}\n"));
        write("bomyaml/stack.yaml", concat(bom, TEMPLATE_HEAD
                + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      VpcId: bad\n"));
        write("bomjson/stack.json", concat(bom, "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\":"
                + " {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\",\n \"Properties\": {\"VpcId\": \"bad\"}}}}"));
        CliScan.Outcome o = CliScan.scan(dir, ".");
        assertEquals(List.of(), o.errors(), o::toString);
        assertEquals(1, o.exitCode(), o::toString);
        assertFinding(o, "bom/main.tf", 2);
        assertFinding(o, "bomyaml/stack.yaml", 6);
        assertFinding(o, "bomjson/stack.json", 2);
    }

    @Test
    void crlfLineEndingsKeepLineNumbers() throws IOException {
        write("crlf/main.tf", "# c\r\nresource \"aws_subnet\" \"a\" {\r\n\r\n  vpc_id = \"bad\"\r\n}\r\n");
        write("crlfyaml/stack.yaml", (TEMPLATE_HEAD + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n"
                + "    Properties:\n\n      VpcId: bad\n").replace("\n", "\r\n"));
        write("crlfjson/stack.json", "{\r\n\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\",\r\n"
                + "\r\n\"Properties\": {\"VpcId\": \"bad\"}}}}\r\n");
        CliScan.Outcome o = CliScan.scan(dir, ".");
        assertEquals(List.of(), o.errors(), o::toString);
        assertFinding(o, "crlf/main.tf", 4);
        assertFinding(o, "crlfyaml/stack.yaml", 7);
        assertFinding(o, "crlfjson/stack.json", 4);
    }

    @Test
    void truncatedHcl() throws IOException {
        assertReported(write("trunc/main.tf", "resource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n"
                + "  tags = {\n    Name = \"x\""), 4, "");
    }

    @Test
    void truncatedYaml() throws IOException {
        assertReported(write("trunc/stack.yaml", TEMPLATE_HEAD + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n"
                + "    Properties:\n      GroupDescription: \"unterminated\n"), 7, "YAML");
    }

    @Test
    void truncatedJson() throws IOException {
        assertReported(write("trunc/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\",\n\"Properties\": {"), 3, "JSON");
    }

    @Test
    void duplicateAttributeInHcl() throws IOException {
        // Terraform refuses "Attribute redefined"; a linter that keeps one silently checks a value that never deploys
        assertReported(write("dup/main.tf", "resource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n"
                + "  cidr_block = \"10.1.0.0/16\"\n}\n"), 3, "cidr_block", "line 2");
    }

    @Test
    void yamlDocumentList() throws IOException {
        assertReported(write("docs/stack.yaml", TEMPLATE_HEAD + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n---\n"
                + TEMPLATE_HEAD + "  Vpc:\n    Type: AWS::EC2::VPC\n"), 6, "more than one YAML document");
    }

    @Test
    void jsonTemplateWithComments() throws IOException {
        assertReported(write("comments/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "  // the security group\n\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroup\"}}}"), 2,
                "comment");
    }

    @Test
    void topLevelListIsNotATemplate() throws IOException {
        assertReported(write("list/stack.yaml", "- AWSTemplateFormatVersion: '2010-09-09'\n- Resources: {}\n"), 1,
                "not a CloudFormation template");
    }

    private static byte[] concat(byte[] a, String b) {
        byte[] tail = b.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + tail.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(tail, 0, out, a.length, tail.length);
        return out;
    }

    private static void assertFinding(CliScan.Outcome o, String file, int line) {
        assertTrue(o.findings().stream().anyMatch(f -> f.path("file").asText().equals(file)
                && f.path("line").asInt() == line), () -> "a finding at " + file + ":" + line + "\n" + o);
    }
}
