package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written to hurt the linter that reads them from a pull request: alias bombs, recursive aliases, tags naming
 * Java classes, absurd numbers, regular expressions that backtrack. Each scan must end within {@link #BOUND} (a
 * generous limit: the point is "no hang"), keep the good module's finding, and name what it refused.
 */
class HostileInputTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n";

    @TempDir
    Path dir;

    private CliScan.Outcome scanWithGood(String name, String text) throws IOException {
        String good = CliScan.writeGoodModule(dir);
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        CliScan.Outcome o = assertTimeoutPreemptively(BOUND, () -> CliScan.scan(dir, "good", name));
        assertTrue(o.goodFileChecked(good), o::toString);
        return o;
    }

    private static JsonNode onlyError(CliScan.Outcome o, String file) {
        assertEquals(2, o.exitCode(), o::toString);
        List<JsonNode> errors = o.errorsIn(file);
        assertEquals(1, errors.size(), o::toString);
        return errors.get(0);
    }

    @Test
    void billionLaughs() throws IOException {
        StringBuilder s = new StringBuilder(HEAD + "Metadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            s.append("  l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
        s.append("Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        JsonNode e = onlyError(scanWithGood("bomb/stack.yaml", s.toString()), "bomb/stack.yaml");
        assertTrue(e.path("message").asText().toLowerCase().contains("alias"), e::toString);
    }

    @Test
    void exponentialBombUnderTheAliasLimit() throws IOException {
        // 24 levels of two aliases each: 48 aliases, under SnakeYAML's limit of 50, yet 2^24 nodes when expanded
        StringBuilder s = new StringBuilder(HEAD + "Metadata:\n  a0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            s.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        s.append("Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        JsonNode e = onlyError(scanWithGood("bomb/stack.yaml", s.toString()), "bomb/stack.yaml");
        assertTrue(e.path("message").asText().contains("more than"), e::toString);
    }

    @Test
    void recursiveAlias() throws IOException {
        CliScan.Outcome o = scanWithGood("rec/stack.yaml", HEAD + "Resources:\n  T: &t\n    Type: AWS::SNS::Topic\n"
                + "    Properties:\n      Self: *t\n");
        JsonNode e = onlyError(o, "rec/stack.yaml");
        assertTrue(e.path("message").asText().contains("recurs") || e.path("message").asText().contains("alias"),
                e::toString);
    }

    @Test
    void tagNamingAJavaClassIsNeverConstructed() throws IOException {
        // the classic SnakeYAML gadget: had it been constructed, it would fetch a class from this socket
        try (ServerSocket trap = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(500);
            String gadget = "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                    + "[\"http://127.0.0.1:" + trap.getLocalPort() + "/\"]]]]";
            CliScan.Outcome o = scanWithGood("gadget/stack.yaml", HEAD + "Resources:\n  T:\n"
                    + "    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: " + gadget + "\n");
            JsonNode e = onlyError(o, "gadget/stack.yaml");
            assertEquals(6, e.path("line").asInt(), e::toString);
            assertTrue(e.path("message").asText().contains("javax.script.ScriptEngineManager"), e::toString);
            assertThrows(SocketTimeoutException.class, () -> trap.accept().close(), "nothing may connect");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "9.9e+2147483647", "1E444441"})
    void enormousNumbersInHcl(String n) throws IOException {
        // 1E444441 % 1 took 65 s before arithmetic was bounded (found by fuzzing the evaluator)
        CliScan.Outcome o = scanWithGood("num/main.tf", "locals {\n  n = " + n + "\n  s = \"${local.n}\"\n"
                + "  r = local.n % 1\n  a = local.n + 1e-444441\n  fl = floor(local.n)\n"
                + "  c = ceil(local.n)\n  f = format(\"%d\", local.n)\n  m = local.n * local.n\n}\n"
                + "resource \"aws_subnet\" \"a\" {\n  count = local.n\n  vpc_id = local.s\n"
                + "  cidr_block = cidrsubnet(\"10.0.0.0/8\", 8, local.n)\n  tags = { n = local.c, f = local.f, r = local.r, a = local.a, fl = local.fl }\n}\n");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @Test
    void absurdNumbersHaveShortText() {
        // the sink every format shares: the text of a number, asked by rules and reporters
        String text = assertTimeoutPreemptively(BOUND,
                () -> dev.preflight.graph.Values.numberText(new java.math.BigDecimal("1e999999999")));
        assertEquals("1E+999999999", text);
        assertEquals("1E-999999999", dev.preflight.graph.Values.plainText(new java.math.BigDecimal("1e-999999999")));
        assertEquals("12.50", dev.preflight.graph.Values.plainText(new java.math.BigDecimal("12.50")));
    }

    @Test
    void tenThousandDigitIntegersInHcl() throws IOException {
        String n = "9".repeat(10_000);
        CliScan.Outcome o = scanWithGood("num/main.tf", "locals {\n  n = " + n + "\n}\n"
                + "resource \"aws_subnet\" \"a\" {\n  count = local.n\n  vpc_id = \"${local.n * local.n}\"\n}\n");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "99999999999999999999999999999999999999999"})
    void enormousNumbersInYaml(String n) throws IOException {
        CliScan.Outcome o = scanWithGood("num/stack.yaml", HEAD + "Parameters:\n  P:\n    Type: Number\n"
                + "    Default: " + n + "\nResources:\n  Sub:\n    Type: AWS::EC2::Subnet\n    Properties:\n"
                + "      VpcId: " + n + "\n      CidrBlock: !Select [" + n + ", !Cidr ['10.0.0.0/16', " + n
                + ", 8]]\n      Tags: [{Key: k, Value: !Ref P}]\n");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.tf", "main.tf.json"})
    void exponentBeyondWhatANumberHolds(String name) throws IOException {
        String text = name.endsWith(".json") ? "{\"locals\": {\n\"x\": 1e99999999999999999999}}"
                : "locals {\n  x = 1e99999999999999999999\n}\n";
        JsonNode e = onlyError(scanWithGood("exp/" + name, text), "exp/" + name);
        assertEquals(2, e.path("line").asInt(), e::toString);
        assertTrue(e.path("message").asText().contains("out of range")
                || e.path("message").asText().contains("exponent"), e::toString);
    }

    @Test
    void tenThousandDigitIntegerInJson() throws IOException {
        String n = "9".repeat(10_000);
        CliScan.Outcome o = scanWithGood("num/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "\"Resources\": {\"Sub\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": " + n
                + "}}}}");
        JsonNode e = onlyError(o, "num/stack.json");
        assertEquals(2, e.path("line").asInt(), e::toString);
    }

    @Test
    void exponentNumberInJson() throws IOException {
        CliScan.Outcome o = scanWithGood("num/stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "\"Resources\": {\"Sub\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": 1e999999999,"
                + " \"CidrBlock\": {\"Fn::Select\": [1e999999999, {\"Fn::Cidr\": [\"10.0.0.0/16\", 1e999999999,"
                + " 8]}]}}}}}");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @Test
    void backtrackingRegexInTerraformFunctions() throws IOException {
        String subject = "a".repeat(5000) + "!";
        CliScan.Outcome o = scanWithGood("re/main.tf", "locals {\n  s = \"" + subject + "\"\n"
                + "  a = regex(\"^(a+)+$\", local.s)\n  b = regexall(\"(a|aa)+$\", local.s)\n"
                + "  c = replace(local.s, \"/(a*)*b/\", \"x\")\n  d = can(regex(\"(.*a){20}\", local.s))\n}\n"
                + "resource \"aws_subnet\" \"a\" {\n  vpc_id = local.a\n  tags = { b = local.b, c = local.c }\n}\n");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @Test
    void countOfABillion() throws IOException {
        CliScan.Outcome o = scanWithGood("big/main.tf", "resource \"aws_subnet\" \"a\" {\n  count = 1000000000\n"
                + "  vpc_id = \"bad\"\n}\nresource \"aws_subnet\" \"b\" {\n  for_each = toset([for i in "
                + "range(1000000000) : tostring(i)])\n  vpc_id = \"bad\"\n}\n");
        assertTrue(o.exitCode() >= 1, o::toString);
    }

    @Test
    void longIdLikeStringsInRules() throws IOException {
        // rules match ids with patterns; a huge near-miss must not make them backtrack
        String near = "vpc-" + "0".repeat(200_000) + "g";
        CliScan.Outcome o = scanWithGood("ids/main.tf", "resource \"aws_subnet\" \"a\" {\n  vpc_id = \"" + near
                + "\"\n  cidr_block = \"" + "1.".repeat(100_000) + "\"\n}\n");
        assertEquals(1, o.exitCode(), o::toString);
    }
}
