package dev.preflight.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads every template of the shared corpus ({@code -Dpreflight.corpus}): none may throw, and every problem must be
 * a real defect of its file; the expected ones are listed here with their cause.
 */
class CorpusLoadTest {
    private static final Pattern TEMPLATE_VERSION = Pattern.compile("[\"']?AWSTemplateFormatVersion[\"']?\\s*:");
    private static final Pattern RESOURCES_KEY = Pattern.compile("(?m)^\\s*[\"']?Resources[\"']?\\s*:");
    /** A top-level Resources key (YAML at column 1, JSON at the first indentation). */
    private static final Pattern TOP_LEVEL_RESOURCES = Pattern.compile("(?m)^([\"']?Resources[\"']?|\\s{0,4}\"Resources\")\\s*:");
    private static final Pattern AWS_TYPE = Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?(AWS|Custom)::");

    @Test
    void everyCorpusTemplateLoadsWithoutException() throws IOException {
        String corpus = System.getProperty("preflight.corpus");
        Path root = corpus == null ? null : Path.of(corpus, "cloudformation");
        assumeTrue(root != null && Files.isDirectory(root), "corpus not found (set -Dpreflight.corpus); skipped");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(CorpusLoadTest::isTemplateFile).sorted().toList();
        }
        CloudFormationLoader loader = new CloudFormationLoader();
        int templates = 0;
        int notTemplates = 0;
        int resources = 0;
        int[] known = new int[1];
        int[] unknown = new int[1];
        Map<String, Integer> unknownReasons = new TreeMap<>();
        Map<String, Integer> byMessage = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        for (Path file : files) {
            SourceFile source = SourceReader.read(file, root.relativize(file).toString());
            if (!looksLikeTemplate(source.text())) {
                continue;
            }
            if (!TemplateInput.parse(source).isTemplate()) {
                // what a scan skips: files that mention template words but are not templates (macro event
                // payloads, whose template is nested under "fragment")
                notTemplates++;
                continue;
            }
            templates++;
            LoadResult result = loader.load(source, Map.of());
            resources += result.resources().size();
            for (Resource r : result.resources()) {
                count(r.properties(), known, unknown, unknownReasons);
            }
            for (Problem p : result.problems()) {
                problems.add(p.where() + " " + p.message());
                byMessage.merge(p.message().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("corpus: %d templates (%d other files skipped), %d resources, %d known values, %d unknown"
                + " values, %d problems, %d ms%n", templates, notTemplates, resources, known[0], unknown[0],
                problems.size(), millis);
        byMessage.forEach((m, n) -> System.out.printf("  %4d  %s%n", n, m));
        problems.forEach(p -> System.out.println("  problem: " + p));
        unknownReasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> System.out.printf("  unknown %5d  %s%n", e.getValue(), e.getKey()));
        assertTrue(templates >= 600, "expected the corpus' 611 templates, found " + templates);
        assertEquals(List.of(), problems.stream().filter(p -> !isExpected(p)).toList());
    }

    /**
     * The corpus' real defects: a file part and a message part, and why each is a defect of the file, not ours.
     */
    private static final List<String[]> KNOWN_DEFECTS = List.of(
            // Rain preprocessor templates (aws-cloudformation-templates): !Rain::Embed / !Rain::Module / !Rain::S3,
            // and their JSON twins {"Rain::Embed": ...}, must be expanded by `rain pkg` before CloudFormation
            new String[] {"", "tag '!Rain::"},
            new String[] {"", "'Rain::Embed' is not a CloudFormation intrinsic function"},
            // a Tags item missing its "- ": Key/Value written three times in one mapping (a duplicate-key finding)
            new String[] {"ServiceCatalog/Portfolio.yaml", "duplicate key '"},
            // the Outputs section defines EC2InstanceSGID twice (lines 804 and 828; a duplicate-key finding)
            new String[] {"CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", "duplicate key 'EC2InstanceSGID'"},
            // Fn::If given an inline Fn::Equals instead of a condition name; and a key typed "Fn::GetAtt::"
            new String[] {"codestar/python-webservice-lambda/template.yml", "Fn::If expects [condition name"},
            new String[] {"codestar/python-webservice-lambda/template.yml", "'Fn::GetAtt:' is not"},
            // cfn-lint fixtures for config and parameter parsing with "Resources: {}", which CloudFormation
            // rejects ("At least one Resources member must be defined")
            new String[] {"cfn-lint-good/", "Resources must be a mapping with at least one resource"},
            // the fixture declares "Parameter:" (singular), so NodeEnv is not a parameter
            new String[] {"custom/is-defined.yaml", "Ref to 'NodeEnv'"},
            // a fragment about Fn::Sub: it references an API and a Lambda function it never defines
            new String[] {"functions/sub_needed.yaml", "GetAtt of 'GreetingLambda'"},
            new String[] {"functions/sub_needed.yaml", "Ref to 'GreetingResource'"},
            new String[] {"functions/sub_needed.yaml", "Ref to 'GreetingApi'"});

    private static boolean isExpected(String problem) {
        return KNOWN_DEFECTS.stream().anyMatch(d -> problem.contains(d[0]) && problem.contains(d[1]));
    }

    private static boolean isTemplateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".template");
    }

    private static boolean looksLikeTemplate(String text) {
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        // what discovery reads as a template, plus any file with a top-level Resources section (templates of
        // third-party types and macro inputs): loading more files is the stronger test
        return TEMPLATE_VERSION.matcher(head).find()
                || (RESOURCES_KEY.matcher(head).find() && AWS_TYPE.matcher(head).find())
                || TOP_LEVEL_RESOURCES.matcher(head).find();
    }

    private static void count(Value value, int[] known, int[] unknown, Map<String, Integer> reasons) {
        if (value instanceof Value.MapValue m) {
            m.entries().values().forEach(v -> count(v, known, unknown, reasons));
        } else if (value instanceof Value.ListValue l) {
            l.items().forEach(v -> count(v, known, unknown, reasons));
        } else if (value instanceof Value.Template t) {
            t.parts().forEach(v -> count(v, known, unknown, reasons));
        } else if (value instanceof Value.Unknown u) {
            unknown[0]++;
            reasons.merge(u.reason().replaceAll("\\b[A-Z][A-Za-z0-9]+\\b", "X"), 1, Integer::sum);
        } else if (!(value instanceof Value.Ref)) {
            known[0]++;
        }
    }
}
