package dev.preflight.terraform.syntax;

import static org.junit.jupiter.api.Assertions.fail;

import dev.preflight.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No input may crash the parser: every failure must be an {@link HclSyntaxException} with a span. */
class HclRobustnessTest {

    private static void mustNotCrash(String text) {
        try {
            HclParser.parse(SourceFile.of("fuzz.tf", text));
        } catch (HclSyntaxException e) {
            if (e.where() == null || e.getMessage() == null || e.getMessage().isBlank()) {
                fail("syntax error without a span or message for input: " + text);
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("crash " + e + " on input:\n" + text, e);
        }
    }

    private static String allProbes() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("testdata", "parsing", "hcl", "probes"))) {
            for (Path p : files.sorted().toList()) {
                sb.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        sb.append("x = \"a\\u00e9${b ~}%{ if c }d%{ else }e%{ endif }%{ for k, v in m ~}${k}%{ endfor }\"\n")
                .append("y = <<-EOT\n  z ${w}\n  EOT\n/* c */ z = a[*].b.*.c[0]\n");
        return sb.toString();
    }

    @Test
    void everyPrefixOfValidInput() throws IOException {
        String text = allProbes();
        for (int i = 0; i <= text.length(); i++) {
            mustNotCrash(text.substring(0, i));
        }
    }

    @Test
    void randomMutations() throws IOException {
        String text = allProbes();
        List<String> pieces = List.of("{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "<<EOT\n", "<<-X\n",
                "\n", "\r\n", "\r", "\\", "\\u", ".", "...", "*", "#", "/*", "*/", "=", "=>", ":", "::", "?", ",",
                "for ", "if ", "in ", "\uFEFF", "\uD83D", "\u0000", "1e", "0.", "a.0.0", "-", "!", "é");
        Random random = new Random(20240611);
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder(text);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                if (random.nextBoolean() && at < sb.length()) {
                    sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(5)));
                } else {
                    sb.insert(at, pieces.get(random.nextInt(pieces.size())));
                }
            }
            mustNotCrash(sb.toString());
        }
    }
}
