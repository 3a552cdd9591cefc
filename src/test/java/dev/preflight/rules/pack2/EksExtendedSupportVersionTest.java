package dev.preflight.rules.pack2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.Scanner;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.rules.EksExtendedSupportVersion;
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

/** The EKS rule against a fixed date: the same version is fine before its end of standard support, billed after. */
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
    void pastExtendedSupportSaysSo() throws IOException {
        List<Finding> findings = at("2026-03-23", graphWithVersion("1.29"));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("past the end of extended support"));
    }

    @Test
    void versionsOutsideTheTableAreNotJudged() throws IOException {
        assertEquals(List.of(), at("2030-01-01", graphWithVersion("1.40")));
    }
}
