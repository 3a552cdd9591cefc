package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.preflight.dsl.Finding;
import dev.preflight.engine.ScanResult;
import dev.preflight.source.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Four scans of the same inputs at once in one JVM, each itself multi-threaded: every one must produce exactly what a
 * scan alone produces. Catches static caches, shared parsers or registries that are not safe to share.
 */
class ConcurrentScanTest {
    @Test
    void fourConcurrentScansAgreeWithASoloScan() throws Exception {
        Path corpus = CorpusParseCountTest.corpus();
        Path cfn = corpus.resolve("cloudformation");
        Path tf = corpus.resolve("terraform/terraform-aws-modules+terraform-aws-vpc");
        String expected = render(scan(cfn, tf));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<String> task = () -> render(scan(cfn, tf));
                runs.add(pool.submit(task));
            }
            for (int i = 0; i < runs.size(); i++) {
                Future<String> f = runs.get(i);
                String got = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> f.get());
                assertEquals(expected, got, "concurrent scan " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ScanResult scan(Path... roots) {
        return new dev.preflight.engine.Scanner().scan(new dev.preflight.engine.ScanRequest(List.of(roots),
                roots[0].getParent(), java.util.Map.of(), java.util.Map.of(),
                dev.preflight.engine.RuleRegistry.discover().rules(), 2));
    }

    /** Everything a report shows, in order: findings with their places and values, problems, files, resources. */
    private static String render(ScanResult r) {
        StringBuilder s = new StringBuilder();
        for (Finding f : r.findings()) {
            s.append(f.span()).append(' ').append(f.ruleId()).append(' ').append(f.message()).append('\n');
        }
        for (Problem p : r.problems()) {
            s.append(p.where()).append(' ').append(p.message()).append('\n');
        }
        s.append(r.files().size()).append(" files, ").append(r.graph().resources().size()).append(" resources\n");
        return s.toString();
    }
}
