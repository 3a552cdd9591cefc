package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import dev.preflight.source.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The whole scan over the shared corpus ({@code -Dpreflight.corpus}), holding how many files of each format read
 * without a problem as exact numbers: a parser or loader change that loses (or newly accepts) files shows here. The
 * remaining problems are printed with their causes. Update the numbers only with an explanation in the commit.
 */
class CorpusParseCountTest {
    /** Terraform files (.tf, .tf.json, tfvars) of the corpus that parse, and all of them. */
    static final int TERRAFORM_OK = 3309;
    static final int TERRAFORM_ALL = 3309;
    /**
     * CloudFormation templates of the corpus that load without a problem, and all templates loaded. The four
     * macro event payloads (MacrosExamples/Count/event*.json, twice) are not templates and are skipped; the two
     * templates with duplicate keys are read and carry duplicate-key findings, not problems.
     */
    static final int CLOUDFORMATION_OK = 565;
    static final int CLOUDFORMATION_ALL = 604;

    static Path corpus() {
        String c = System.getProperty("preflight.corpus");
        Path root = c == null ? null : Path.of(c);
        assumeTrue(root != null && Files.isDirectory(root), "corpus not found (set -Dpreflight.corpus); skipped");
        return root;
    }

    static ScanResult scanCorpus(Path root, int threads) {
        return new Scanner().scan(new ScanRequest(List.of(root), root, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), threads));
    }

    static boolean isTerraform(String file) {
        return file.endsWith(".tf") || file.endsWith(".tf.json") || file.endsWith(".tfvars");
    }

    @Test
    void parseSuccessPerFormatIsExactlyAsRecorded() {
        Path root = corpus();
        long started = System.nanoTime();
        ScanResult result = scanCorpus(root, Runtime.getRuntime().availableProcessors());
        long millis = (System.nanoTime() - started) / 1_000_000;

        Set<String> withProblems = new TreeSet<>();
        Map<String, Integer> causes = new TreeMap<>();
        for (Problem p : result.problems()) {
            withProblems.add(p.where().file());
            causes.merge(p.message().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N"), 1, Integer::sum);
        }
        int tfAll = 0;
        int tfOk = 0;
        int cfnAll = 0;
        int cfnOk = 0;
        for (String file : result.files().keySet()) {
            boolean ok = !withProblems.contains(file);
            if (isTerraform(file)) {
                tfAll++;
                tfOk += ok ? 1 : 0;
            } else {
                cfnAll++;
                cfnOk += ok ? 1 : 0;
            }
        }
        System.out.printf("corpus scan: %d ms; Terraform %d/%d files parse; CloudFormation %d/%d templates load "
                + "without a problem; %d findings%n", millis, tfOk, tfAll, cfnOk, cfnAll, result.findings().size());
        causes.forEach((m, n) -> System.out.printf("  %4d  %s%n", n, m));
        result.problems().forEach(p -> System.out.println("  problem: " + p.where() + " " + p.message()));

        assertEquals(List.of(TERRAFORM_ALL, TERRAFORM_OK, CLOUDFORMATION_ALL, CLOUDFORMATION_OK),
                List.of(tfAll, tfOk, cfnAll, cfnOk), "Terraform all/ok, CloudFormation all/ok");
    }
}
