package dev.preflight.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.cli.Console;
import dev.preflight.cli.Main;
import dev.preflight.engine.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Runs {@code preflight scan --format json} in-process, the way the CLI's {@code Main.run} does, but with a
 * {@link Console} whose working directory is the test's own, so reported paths are short and stable.
 */
final class CliScan {
    /** A module that always yields exactly one finding: proof that the rest of a scan went on. */
    static final String GOOD_TF = """
            resource "aws_security_group" "web" {
              vpc_id = "10.0.0.0/16"
            }
            """;
    static final String GOOD_RULE = "vpc-id-malformed";

    record Outcome(int exitCode, JsonNode json, String stderr) {
        List<JsonNode> errors() {
            return StreamSupport.stream(json.path("errors").spliterator(), false).toList();
        }

        List<JsonNode> findings() {
            return StreamSupport.stream(json.path("findings").spliterator(), false).toList();
        }

        /** The errors reported against {@code file} (a path relative to the working directory). */
        List<JsonNode> errorsIn(String file) {
            return errors().stream().filter(e -> e.path("file").asText().equals(file)).toList();
        }

        /** True when the good module's finding is there: the scan did not stop at the bad input. */
        boolean goodFileChecked(String goodFile) {
            return findings().stream().anyMatch(f -> f.path("ruleId").asText().equals(GOOD_RULE)
                    && f.path("file").asText().equals(goodFile));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + stderr + "\n" + json.toPrettyString();
        }
    }

    private CliScan() {
    }

    /** Writes the good module at {@code dir/good/main.tf}; returns its display path. */
    static String writeGoodModule(Path dir) {
        try {
            Path good = dir.resolve("good");
            Files.createDirectories(good);
            Files.writeString(good.resolve("main.tf"), GOOD_TF);
            return "good/main.tf";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans {@code args} (paths and options) from working directory {@code cwd} with JSON output. */
    static Outcome scan(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("scan", "--format", "json", "--no-config"));
        all.addAll(List.of(args));
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd, Map.of(), false);
        int code = new Main(console, RuleRegistry::discover).execute(all.toArray(String[]::new));
        try {
            JsonNode json = out.size() == 0 ? new ObjectMapper().createObjectNode()
                    : new ObjectMapper().readTree(out.toByteArray());
            return new Outcome(code, json, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("the JSON report does not parse: " + out.toString(StandardCharsets.UTF_8), e);
        }
    }
}
