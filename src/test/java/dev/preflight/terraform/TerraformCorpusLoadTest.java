package dev.preflight.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every Terraform file of the shared corpus: no crash, no internal error, and figures for the record. */
class TerraformCorpusLoadTest {

    static Path corpus() {
        return Path.of(System.getProperty("preflight.corpus", "../shared/corpus"));
    }

    @Test
    void wholeTerraformCorpusLoadsWithoutInternalErrors() throws IOException {
        Path root = corpus().resolve("terraform");
        assumeTrue(Files.isDirectory(root), "shared corpus not found at " + root + "; skipped");
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && (n.endsWith(".tf") || n.equals("terraform.tfvars")
                        || n.endsWith(".auto.tfvars"))) {
                    files.add(SourceReader.read(p, root.relativize(p).toString()));
                }
            }
        }
        long start = System.nanoTime();
        LoadResult r = new TerraformLoader().load(root, files, Map.of());
        ResourceGraph graph = new ResourceGraph(r.resources());
        long ms = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> unknownReasons = new TreeMap<>();
        int[] counts = new int[2];
        for (Resource res : r.resources()) {
            count(res.properties(), unknownReasons, counts);
        }
        List<Problem> internal = r.problems().stream().filter(p -> p.message().startsWith("internal error")).toList();
        System.out.printf("terraform corpus: %d files, %d resources, %d edges, %d problems, %d known scalars, "
                        + "%d unknown values, %d ms%n", files.size(), r.resources().size(), graph.edges().size(),
                r.problems().size(), counts[0], counts[1], ms);
        unknownReasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.printf("  unknown %6d  %s%n", e.getValue(), e.getKey()));
        r.problems().stream().limit(20).forEach(p -> System.out.println("  problem " + p));
        assertEquals(List.of(), internal);
    }

    private static void count(Value v, Map<String, Integer> reasons, int[] counts) {
        if (v instanceof Value.MapValue m) {
            m.entries().values().forEach(x -> count(x, reasons, counts));
        } else if (v instanceof Value.ListValue l) {
            l.items().forEach(x -> count(x, reasons, counts));
        } else if (v instanceof Value.Unknown u) {
            counts[1]++;
            reasons.merge(category(u.reason()), 1, Integer::sum);
        } else if (v.isKnown()) {
            counts[0]++;
        }
    }

    /** Groups reasons by their shape: names and quoted parts removed. */
    static String category(String reason) {
        return reason.replaceAll("`[^`]*`", "`x`").replaceAll("\"[^\"]*\"", "\"x\"")
                .replaceAll("[a-z0-9_]+\\.[a-z0-9_.\\[\\]\"*]+", "ADDR").replaceAll("function \\w+\\(\\)", "function f()");
    }
}
