package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedFindingsTest {
    private static final Span BLOCK = new Span("main.tf", 3, 1, 6, 2);

    private static Finding of(String resource, Span span, Evidence... evidence) {
        return new Finding("rule-a", Severity.WARNING, resource + " is wrong", span, resource, "name", "x", "fix",
                List.of(evidence));
    }

    private static List<Finding> sortedAndMerged(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Scanner.FINDING_ORDER);
        return RepeatedFindings.merged(sorted);
    }

    @Test
    void oneFindingPerPlaceNamesEveryInstanceInNaturalOrder() {
        List<Finding> merged = sortedAndMerged(List.of(of("aws_subnet.a[10]", BLOCK), of("aws_subnet.a[2]", BLOCK),
                of("aws_subnet.a[0]", BLOCK), of("aws_subnet.b", new Span("main.tf", 9, 1, 9, 5))));
        assertEquals(2, merged.size());
        assertEquals("aws_subnet.a[0] is wrong (3 instances: aws_subnet.a[0], aws_subnet.a[2], aws_subnet.a[10])",
                merged.get(0).message());
        assertEquals("aws_subnet.a[0]", merged.get(0).resource());
        assertEquals("aws_subnet.b is wrong", merged.get(1).message(), "a finding alone is left as it is");
    }

    @Test
    void theInstanceTheMessageIsAboutComesFirst() {
        // the first finding in order is reported (by its message: "..._108..." sorts before "..._44..."), so it is
        // named first, and the others follow in natural order
        List<Finding> merged = sortedAndMerged(List.of(of("module.vpc_44.aws_route_table.private[1]", BLOCK),
                of("module.vpc_108.aws_route_table.private[0]", BLOCK), of("module.vpc_44.aws_route_table.private[0]",
                        BLOCK)));
        assertEquals("module.vpc_108.aws_route_table.private[0] is wrong (3 instances: "
                + "module.vpc_108.aws_route_table.private[0], module.vpc_44.aws_route_table.private[0], "
                + "module.vpc_44.aws_route_table.private[1])", merged.get(0).message());
    }

    @Test
    void longListsAreCapped() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            findings.add(of("aws_subnet.a[" + i + "]", BLOCK));
        }
        assertEquals("aws_subnet.a[0] is wrong (12 instances: aws_subnet.a[0], aws_subnet.a[1], aws_subnet.a[2], "
                + "aws_subnet.a[3], aws_subnet.a[4] and 7 more)", sortedAndMerged(findings).get(0).message());
    }

    @Test
    void theReportedFindingKeepsTheFingerprintABaselineWrittenBeforeHolds(@TempDir Path dir) throws IOException {
        List<Finding> instances = List.of(of("module.b.aws_ecr_repository.r", BLOCK),
                of("module.a.aws_ecr_repository.r", BLOCK));
        List<Finding> sorted = new ArrayList<>(instances);
        sorted.sort(Scanner.FINDING_ORDER);
        // before instances were named, the first finding in order was reported alone, and baselined
        Path file = dir.resolve("baseline.json");
        Baseline.write(file, List.of(ReportedFinding.active(sorted.get(0))));
        Finding merged = RepeatedFindings.merged(sorted).get(0);
        assertEquals(Fingerprint.of(sorted.get(0)), Fingerprint.of(merged));
        assertEquals(List.of(), Baseline.read(file).newFindings(List.of(ReportedFinding.active(merged))));
    }

    @Test
    void evidenceIsTheUnionOfTheInstances() {
        Evidence a = Evidence.valueSource(new Span("main.tf", 20, 1, 20, 9), "module.a passes name");
        Evidence b = Evidence.valueSource(new Span("main.tf", 30, 1, 30, 9), "module.b passes name");
        Finding merged = sortedAndMerged(List.of(of("module.a.x.y", BLOCK, a), of("module.b.x.y", BLOCK, b, a)))
                .get(0);
        assertEquals(List.of(a, b), merged.evidence());
    }

    @Test
    void naturalOrderCountsDigitsAsNumbers() {
        List<String> names = new ArrayList<>(List.of("a[10]", "a[9]", "a[\"b\"]", "a[09x]", "a[1]"));
        names.sort(RepeatedFindings::compareNaturally);
        assertEquals(List.of("a[\"b\"]", "a[1]", "a[9]", "a[09x]", "a[10]"), names);
        assertTrue(RepeatedFindings.listed(new LinkedHashSet<>(List.of("x", "y"))).startsWith("2 instances: x, y"));
    }

    @Test
    void aScanNamesTheInstancesOfACountAndTheCallsOfAModule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_ecr_repository" "counted" {
                  count = 3
                  name  = "app-${count.index}"
                }

                module "blue" {
                  source = "./modules/repo"
                }

                module "green" {
                  source = "./modules/repo"
                }
                """);
        Files.createDirectories(dir.resolve("modules/repo"));
        Files.writeString(dir.resolve("modules/repo/main.tf"), """
                resource "aws_ecr_repository" "this" {
                  name = "app"
                }
                """);
        ScanResult result = new Scanner().scan(new ScanRequest(List.of(dir), dir, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1));
        List<String> messages = result.findings().stream().filter(f -> f.ruleId().equals("ecr-tag-mutable"))
                .map(f -> f.span().file() + ": " + f.message()).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("main.tf: aws_ecr_repository.counted[0] "), messages.get(0));
        assertTrue(messages.get(0).endsWith(" (3 instances: aws_ecr_repository.counted[0], "
                + "aws_ecr_repository.counted[1], aws_ecr_repository.counted[2])"), messages.get(0));
        assertTrue(messages.get(1).endsWith(" (2 instances: module.blue.aws_ecr_repository.this, "
                + "module.green.aws_ecr_repository.this)"), messages.get(1));
    }
}
