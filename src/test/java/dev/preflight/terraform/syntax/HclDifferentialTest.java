package dev.preflight.terraform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Differential test: every corpus file parsed by our parser and by HashiCorp's (Go HCL compiled to WASM, npm
 * {@code @cdktf/hcl2json}, run once for the whole corpus by {@code tools/hcl2json/hcl2json-batch.js}) must give the
 * same block tree, the same attribute names in every body, the same literal values, and the same source text for
 * every non-literal expression. Skipped when node or the package is missing, but failed under {@code CI=true}.
 */
class HclDifferentialTest {
    private static final Path TOOL = Path.of("tools", "hcl2json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agreesWithHashiCorpsParserOnTheWholeCorpus() throws Exception {
        List<Path> files = CorpusParseTest.corpusFiles();
        assumeTrue(!files.isEmpty(), "corpus not found at " + CorpusParseTest.corpusRoot().toAbsolutePath()
                + "; skipping the differential test");
        String missing = referenceParserProblem();
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the reference parser is required under CI=true but " + missing);
            }
            assumeTrue(false, "skipping the differential test: " + missing
                    + " (run 'npm ci' in tools/hcl2json, or let 'mvn verify' do it)");
        }

        long t0 = System.nanoTime();
        Map<String, JsonNode> reference = runReference(files);
        long referenceMs = (System.nanoTime() - t0) / 1_000_000;

        long blocks = 0;
        long attributes = 0;
        long literals = 0;
        long expressions = 0;
        int agreeing = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            JsonNode ref = reference.get(file.toString());
            if (ref == null) {
                disagreements.add(file + ": no output from the reference parser");
                continue;
            }
            ConfigFile parsed;
            try {
                parsed = HclParser.parse(CorpusParseTest.read(file));
            } catch (HclSyntaxException e) {
                if (ref.has("error")) {
                    agreeing++; // both reject it
                } else {
                    disagreements.add(file + ": we reject it (" + e.where() + " " + e.getMessage()
                            + ") but HashiCorp's parser accepts it");
                }
                continue;
            }
            if (ref.has("error")) {
                disagreements.add(file + ": we accept it but HashiCorp's parser says " + ref.get("error").asText());
                continue;
            }
            Hcl2JsonShape shape = new Hcl2JsonShape(parsed);
            JsonNode mine = shape.render(parsed.body());
            blocks += shape.blocks;
            attributes += shape.attributes;
            literals += shape.literals;
            expressions += shape.expressions;
            List<String> diffs = new ArrayList<>();
            compare(mine, ref.get("json"), "", diffs);
            if (diffs.isEmpty()) {
                agreeing++;
            } else {
                diffs.stream().limit(3).forEach(d -> disagreements.add(file + ": " + d));
            }
        }
        System.out.printf("differential test vs HashiCorp HCL (@cdktf/hcl2json): %d files compared, %d agree"
                        + " (%.2f%%); %d blocks, %d attributes, %d literal values, %d non-literal expressions"
                        + " (compared by source text); reference parser took %d ms%n",
                files.size(), agreeing, 100.0 * agreeing / files.size(), blocks, attributes, literals, expressions,
                referenceMs);
        disagreements.stream().limit(40).forEach(System.out::println);
        assertEquals(List.of(), disagreements);
    }

    /** Null when node and the package are usable, else what is missing. */
    private static String referenceParserProblem() {
        if (!Files.isDirectory(TOOL.resolve("node_modules").resolve("@cdktf").resolve("hcl2json"))) {
            return "the npm package @cdktf/hcl2json is not installed in " + TOOL.toAbsolutePath();
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "'node --version' failed";
            }
        } catch (IOException | InterruptedException e) {
            return "node is not on the PATH (" + e.getMessage() + ")";
        }
        return null;
    }

    /** Runs the batch script once over all files; maps each path to its {"json":...} or {"error":...} line. */
    private static Map<String, JsonNode> runReference(List<Path> files) throws IOException, InterruptedException {
        Path list = Files.createTempFile("hcl2json-files", ".txt");
        try {
            Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("node", "hcl2json-batch.js").directory(TOOL.toFile())
                    .redirectInput(list.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            // Paths are resolved by node relative to tools/hcl2json: make them absolute first.
            Files.write(list, files.stream().map(f -> f.toAbsolutePath().toString()).toList(), StandardCharsets.UTF_8);
            Process p = pb.start();
            Map<String, JsonNode> out = new HashMap<>();
            Map<String, String> byAbsolute = new HashMap<>();
            files.forEach(f -> byAbsolute.put(f.toAbsolutePath().toString(), f.toString()));
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode node = JSON.readTree(line);
                    out.put(byAbsolute.getOrDefault(node.get("file").asText(), node.get("file").asText()), node);
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("the reference parser failed (exit " + p.exitValue() + ")");
            }
            return out;
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** Structural comparison; numbers compare by value, object keys as sets. */
    static void compare(JsonNode mine, JsonNode ref, String path, List<String> diffs) {
        if (ref == null) {
            diffs.add(path + ": only we have it: " + abbreviate(mine));
            return;
        }
        if (mine.isNumber() && ref.isNumber()) {
            if (mine.doubleValue() != ref.doubleValue()) {
                diffs.add(path + ": number " + mine + " vs " + ref);
            }
            return;
        }
        if (mine.isObject() && ref.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            mine.fieldNames().forEachRemaining(keys::add);
            ref.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!mine.has(k)) {
                    diffs.add(path + "/" + k + ": only HashiCorp's parser has it: " + abbreviate(ref.get(k)));
                } else {
                    compare(mine.get(k), ref.get(k), path + "/" + k, diffs);
                }
            }
            return;
        }
        if (mine.isArray() && ref.isArray()) {
            if (mine.size() != ref.size()) {
                diffs.add(path + ": " + mine.size() + " elements vs " + ref.size());
                return;
            }
            Iterator<JsonNode> a = mine.elements();
            Iterator<JsonNode> b = ref.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(a.next(), b.next(), path + "[" + i + "]", diffs);
            }
            return;
        }
        if (!mine.equals(ref)) {
            diffs.add(path + ": " + abbreviate(mine) + " vs " + abbreviate(ref));
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
