package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.cli.Console;
import dev.preflight.cli.Main;
import dev.preflight.engine.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives byte-identical JSON and SARIF with one thread and with every core, run after run: CI diffs
 * and baselines depend on it, and a difference would betray shared mutable state or unordered collections. Runs on
 * the corpus' CloudFormation templates (loaded in parallel when threads allow) and one Terraform module family.
 */
class DeterminismTest {
    @TempDir
    Path out;

    @Test
    void jsonAndSarifAreByteIdenticalForAnyThreadCountAndRun() throws IOException {
        Path corpus = CorpusParseCountTest.corpus();
        String[] inputs = {"cloudformation", "terraform/terraform-aws-modules+terraform-aws-vpc"};
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        byte[][] first = null;
        for (int run = 0; run < 4; run++) {
            int threads = run % 2 == 0 ? 1 : cores;
            byte[][] reports = scan(corpus, threads, run, inputs);
            assertTrue(reports[0].length > 10_000 && reports[1].length > 10_000, "reports were written");
            if (first == null) {
                first = reports;
            } else {
                assertArrayEquals(first[0], reports[0], "JSON of run " + run + " (" + threads + " threads)");
                assertArrayEquals(first[1], reports[1], "SARIF of run " + run + " (" + threads + " threads)");
            }
        }
    }

    @Test
    void threadCountMustBeAPositiveWholeNumber() {
        for (String bad : new String[] {"0", "-1", "many", "99999"}) {
            CliScan.Outcome o = CliScan.scan(out, "--threads", bad, ".");
            assertEquals(2, o.exitCode(), "--threads " + bad);
            assertTrue(o.stderr().contains("--threads takes a whole number"), o::toString);
        }
    }

    private byte[][] scan(Path corpus, int threads, int run, String... inputs) throws IOException {
        Path json = out.resolve("r" + run + ".json");
        Path sarif = out.resolve("r" + run + ".sarif");
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("scan", "--no-config",
                "--threads", Integer.toString(threads), "--fail-on", "never",
                "--format", "json", "--output", json.toString(), "--format", "sarif", "--output", sarif.toString()));
        all.addAll(java.util.List.of(inputs));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), corpus, Map.of(), false);
        int code = new Main(console, RuleRegistry::discover).execute(all.toArray(String[]::new));
        // the corpus has unreadable templates (exit 2), and nothing else may go wrong
        assertEquals(2, code, err::toString);
        return new byte[][] {Files.readAllBytes(json), Files.readAllBytes(sarif)};
    }
}
