package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.InvalidNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ParsedTemplate;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.cloudformation.syntax.TemplateParser;
import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.InputKind;
import dev.preflight.source.SourceDiscovery;
import dev.preflight.source.SourceReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential check of the CloudFormation syntax layer: for every corpus template preflight discovers, the
 * Resources section it reads (logical ids, types, property trees, intrinsic functions) must equal what an
 * independent reader makes of the same file: npm js-yaml with a CloudFormation schema ({@code tools/cfn-yaml}), or
 * JSON.parse for JSON. Both sides are normalised alike: short and long forms of a function are one
 * {@code {"Fn::X": args}} object, {@code !GetAtt A.B} is {@code ["A", "B"]}, every scalar is its text and numbers
 * are compared by value. Every disagreement must be one of the explained kinds in {@link #EXPLAINED}.
 */
class CloudFormationDifferentialTest {
    private static final Path TOOL = Path.of("tools", "cfn-yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Templates where both readers agree, of all templates compared: a drop is a regression. */
    static final int AGREE = 608;
    static final int COMPARED = 608;

    /**
     * Disagreements that are the other reader's limits, not preflight's errors, by the reason the comparison gives.
     */
    static final Map<String, String> EXPLAINED = Map.<String, String>of(
            // none left: AWS Rain's directives (!Rain::Embed, !Rain::Module) made js-yaml refuse 17 files until the
            // reference script learnt to keep unknown tags as {"!invalid": tag}, as preflight keeps them unread
            );

    @Test
    void resourcesReadAsAnIndependentYamlReaderReadsThem() throws Exception {
        Path corpus = CorpusParseCountTest.corpus().resolve("cloudformation");
        assumeReferenceReader();
        List<Path> templates = new ArrayList<>();
        for (DiscoveredFile f : new SourceDiscovery().discover(List.of(corpus)).files()) {
            if (f.kind() == InputKind.CLOUDFORMATION_JSON || f.kind() == InputKind.CLOUDFORMATION_YAML) {
                templates.add(f.path().toAbsolutePath());
            }
        }
        Map<String, JsonNode> reference = runReference(templates);
        int agree = 0;
        Map<String, List<String>> byReason = new TreeMap<>();
        for (Path t : templates) {
            String ours = null;
            JsonNode mine;
            ParsedTemplate parsed = TemplateParser.parse(SourceReader.read(t, t.toString()));
            mine = parsed.root() instanceof MappingNode m ? m.get("Resources").map(this::normalise).orElse(null)
                    : null;
            JsonNode theirs = reference.get(t.toString());
            String reason;
            if (theirs == null) {
                reason = "no answer from the reference reader";
            } else if (theirs.has("error")) {
                reason = mine == null ? null : "reference reader failed: "
                        + theirs.get("error").asText().replaceAll("\\(\\d+:\\d+\\)", "").replaceAll("\\d+", "N");
            } else {
                JsonNode root = theirs.get("root");
                JsonNode res = root != null && root.isObject() && root.has("Resources")
                        ? normaliseReference(root.get("Resources"), TemplateParserAccess.isJson(t)) : null;
                reason = java.util.Objects.equals(mine, res) ? null : "trees differ: " + firstDifference(mine, res, "Resources");
                if (reason != null && reason.contains("!invalid")) {
                    reason = "preflight refused a tag the reference accepts";
                }
            }
            if (reason == null) {
                agree++;
            } else {
                byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(corpus.relativize(t).toString());
            }
        }
        System.out.printf("CloudFormation differential vs js-yaml: %d of %d templates agree (%.1f%%)%n", agree,
                templates.size(), 100.0 * agree / templates.size());
        byReason.forEach((reason, files) -> System.out.printf("  %3d  %s%n       e.g. %s%n", files.size(), reason,
                files.subList(0, Math.min(3, files.size()))));
        for (String reason : byReason.keySet()) {
            if (EXPLAINED.keySet().stream().noneMatch(reason::startsWith)) {
                fail("unexplained disagreement: " + reason + " in " + byReason.get(reason));
            }
        }
        assertEquals(List.of(COMPARED, AGREE), List.of(templates.size(), agree), "templates compared, agreeing");
    }

    /** preflight's tree as JSON, with functions in long form. */
    private JsonNode normalise(TemplateNode node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = NODES.objectNode();
            m.entries().forEach(e -> o.set(e.key(), normalise(e.value())));
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = NODES.arrayNode();
            s.items().forEach(i -> a.add(normalise(i)));
            return a;
        }
        if (node instanceof ScalarNode s) {
            return scalar(s.text());
        }
        if (node instanceof FunctionNode f) {
            return function(f.name(), normalise(f.argument()));
        }
        InvalidNode i = (InvalidNode) node;
        return NODES.objectNode().put("!invalid", String.valueOf(i.tag()));
    }

    /** The reference's tree with the same conventions. */
    private static JsonNode normaliseReference(JsonNode node, boolean json) {
        if (node == null || node.isNull()) {
            // JSON's null is written "null", which preflight keeps as text; in YAML (FAILSAFE) only an empty node
            // is null, and preflight's text for it is empty
            return scalar(json ? "null" : "");
        }
        if (node.isObject()) {
            ObjectNode o = NODES.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), normaliseReference(e.getValue(), json)));
            if (o.size() == 1 && o.has("Fn::GetAtt")) {
                return function("Fn::GetAtt", o.get("Fn::GetAtt"));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(i -> a.add(normaliseReference(i, json)));
            return a;
        }
        return scalar(node.asText());
    }

    /** As preflight decides (and the reference script too): JSON when the first visible character opens one. */
    private static final class TemplateParserAccess {
        static boolean isJson(Path file) throws IOException {
            String text = Files.readString(file).stripLeading();
            return text.startsWith("\uFEFF{") || text.startsWith("{") || text.startsWith("[");
        }
    }

    private static JsonNode function(String name, JsonNode argument) {
        JsonNode arg = argument;
        if (name.equals("Fn::GetAtt") && arg.isTextual() && arg.asText().contains(".")) {
            String text = arg.asText();
            int dot = text.indexOf('.');
            arg = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set(name, arg);
    }

    /** Scalars compare as text; numbers by value, since JSON.parse keeps no spelling (1.0 is 1). */
    private static JsonNode scalar(String text) {
        if (NUMBER.matcher(text).matches() && text.length() < 40) {
            BigDecimal n = new BigDecimal(text).stripTrailingZeros();
            return new TextNode(n.scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString());
        }
        return new TextNode(text);
    }

    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a == null || b == null) {
            return path + (a == null ? " missing in preflight" : " missing in the reference");
        }
        if (a.isObject() && b.isObject()) {
            for (var it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!b.has(k)) {
                    return path + "." + k + " only in preflight" + (a.get(k).has("!invalid") ? " !invalid" : "");
                }
                if (!a.get(k).equals(b.get(k))) {
                    return firstDifference(a.get(k), b.get(k), path + "." + k);
                }
            }
            for (var it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    return path + "." + k + " only in the reference";
                }
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                }
            }
        }
        String as = a.toString();
        String bs = b.toString();
        return path + ": " + (a.has("!invalid") ? "!invalid " : "") + abbreviate(as) + " vs " + abbreviate(bs);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static void assumeReferenceReader() {
        String missing = null;
        if (!Files.isDirectory(TOOL.resolve("node_modules").resolve("js-yaml"))) {
            missing = "npm js-yaml is not installed in " + TOOL.toAbsolutePath();
        } else {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    missing = "'node --version' failed";
                }
            } catch (IOException | InterruptedException e) {
                missing = "node is not on the PATH (" + e.getMessage() + ")";
            }
        }
        if (missing != null && "true".equals(System.getenv("CI"))) {
            fail("the reference reader is required under CI=true but " + missing);
        }
        assumeTrue(missing == null, missing + "; CloudFormation differential test skipped (run 'npm ci' in "
                + "tools/cfn-yaml, or let 'mvn verify' do it)");
    }

    /** One node process for all templates: file name to its answer line. */
    private static Map<String, JsonNode> runReference(List<Path> templates) throws IOException, InterruptedException {
        Path list = Files.createTempFile("cfn-yaml-files", ".txt");
        Path answers = Files.createTempFile("cfn-yaml-out", ".jsonl");
        try {
            Files.write(list, templates.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("node", "cfn-yaml-batch.js").directory(TOOL.toFile())
                    .redirectInput(list.toFile()).redirectOutput(answers.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("the reference reader failed (exit " + p.exitValue() + ")");
            }
            Map<String, JsonNode> out = new HashMap<>();
            for (String line : Files.readAllLines(answers, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode n = JSON.readTree(line);
                    out.put(n.get("file").asText(), n);
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(answers);
        }
    }
}
