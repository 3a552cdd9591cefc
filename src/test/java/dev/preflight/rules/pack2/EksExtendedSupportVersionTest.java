package dev.preflight.rules.pack2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.Scanner;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.rules.EksExtendedSupportVersion;
import dev.preflight.rules.EksVersionUnsupported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EKS version rules against a fixed date: the same version is fine before its end of standard support, billed
 * after, and refused once its extended support has ended.
 */
class EksExtendedSupportVersionTest {
    @TempDir
    Path dir;

    private ResourceGraph graphWithVersion(String version) throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks"
                  version  = "%s"
                  vpc_config {
                    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
                  }
                }
                """.formatted(version));
        return new Scanner().scan(new ScanRequest(List.of(dir), dir, Map.of(), Map.of(), List.of(), 1)).graph();
    }

    private static List<Finding> at(String date, ResourceGraph graph) {
        Clock clock = Clock.fixed(Instant.parse(date + "T00:00:00Z"), ZoneOffset.UTC);
        return new EksExtendedSupportVersion(clock).check(graph);
    }

    private static List<Finding> unsupportedAt(String date, ResourceGraph graph) {
        Clock clock = Clock.fixed(Instant.parse(date + "T00:00:00Z"), ZoneOffset.UTC);
        return new EksVersionUnsupported(clock).check(graph);
    }

    @Test
    void silentWhileInStandardSupport() throws IOException {
        assertEquals(List.of(), at("2025-03-22", graphWithVersion("1.29")));
    }

    @Test
    void billedFromTheEndOfStandardSupport() throws IOException {
        List<Finding> findings = at("2025-03-23", graphWithVersion("1.29"));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("extended-support rate"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("EKS release calendar of 2025-10-02"));
    }

    @Test
    void pastExtendedSupportIsLeftToTheUnsupportedVersionRule() throws IOException {
        ResourceGraph graph = graphWithVersion("1.29");
        assertEquals(1, at("2026-03-22", graph).size());
        assertEquals(List.of(), at("2026-03-23", graph));
        assertEquals(List.of(), unsupportedAt("2026-03-22", graph));
        List<Finding> findings = unsupportedAt("2026-03-23", graph);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("extended support ended on 2026-03-23"),
                findings.get(0).message());
    }

    @Test
    void versionsOlderThanTheCalendarAreUnsupported() throws IOException {
        List<Finding> findings = unsupportedAt("2026-01-01", graphWithVersion("1.18"));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("older than the oldest version of the calendar (1.23"),
                findings.get(0).message());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        // 1.9 is older than 1.23 as a version, though not as text
        assertEquals(1, unsupportedAt("2026-01-01", graphWithVersion("1.9")).size());
        assertEquals(List.of(), at("2026-01-01", graphWithVersion("1.18")));
    }

    @Test
    void olderThanTheCalendarIsJudgedOnlyOnceItsFirstRowLeftExtendedSupport() throws IOException {
        // before the oldest row (1.23) left extended support, an older version might still have been supported
        assertEquals(List.of(), unsupportedAt("2024-10-10", graphWithVersion("1.18")));
        assertEquals(1, unsupportedAt("2024-10-11", graphWithVersion("1.18")).size());
    }

    @Test
    void versionsThatAreNotMinorVersionsAreNotJudged() throws IOException {
        for (String v : new String[] {"1.18.9", "latest", "v1.18", "1", "1.99"}) {
            assertEquals(List.of(), unsupportedAt("2030-01-01", graphWithVersion(v)), v);
        }
    }

    @Test
    void versionsOutsideTheTableAreNotJudged() throws IOException {
        assertEquals(List.of(), at("2030-01-01", graphWithVersion("1.40")));
    }
}
