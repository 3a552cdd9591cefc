package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plans say at least as much as the source: over every fixture that plans offline, {@code preflight scan
 * plan.json} reports every finding that the scan of the configuration beside it reports, at the same file and line
 * (for a root using installed modules, the same call-site lines). The plan may report more, never less. Prints the
 * counts.
 */
class PlanSourceParityTest {

    @Test
    void aPlanScanNeverMissesAFindingOfTheSourceScan() {
        TerraformCli cli = TerraformCli.require();
        List<Rule> rules = RuleRegistry.discover().rules();
        int planned = 0;
        int sourceFindings = 0;
        int planFindings = 0;
        int onlyInPlan = 0;
        List<String> missing = new ArrayList<>();
        for (FixtureRun run : FixtureRuns.of(cli, TerraformFixtures.roots())) {
            if (run.planJson == null) {
                continue;
            }
            planned++;
            TreeSet<String> fromSource = where(scan(configuration(run.work), run.work, rules));
            TreeSet<String> fromPlan = where(scan(List.of(run.work.resolve("plan.json")), run.work, rules));
            sourceFindings += fromSource.size();
            planFindings += fromPlan.size();
            for (String f : fromSource) {
                if (!fromPlan.contains(f)) {
                    missing.add(run.fixture + ": " + f);
                }
            }
            for (String f : fromPlan) {
                onlyInPlan += fromSource.contains(f) ? 0 : 1;
            }
        }
        String report = String.format("== plan scans against source scans: %d fixtures planned; findings from source "
                        + "%d, from plans %d (only in plans %d); source findings missing from the plan scan %d%n%s",
                planned, sourceFindings, planFindings, onlyInPlan, missing.size(), String.join("\n", missing));
        System.out.println(report);
        assertTrue(planned > 0, "no fixture planned");
        assertEquals(List.of(), missing, report);
    }

    private static ScanResult scan(List<Path> paths, Path base, List<Rule> rules) {
        return new Scanner().scan(new ScanRequest(paths, base, Map.of(), Map.of(), rules, 1));
    }

    /** The root's Terraform files (local modules and installed ones are loaded through their calls). */
    private static List<Path> configuration(Path work) {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".tf") || n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> where(ScanResult r) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : r.findings()) {
            out.add(f.ruleId() + "@" + f.span().file() + ":" + f.span().line());
        }
        return out;
    }
}
