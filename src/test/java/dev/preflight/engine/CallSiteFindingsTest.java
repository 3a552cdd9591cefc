package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings made in module code that {@code terraform init} installed are reported in the user's code: at the
 * argument of the call the value came through, else at the call; the inner location is DEFINITION evidence, and
 * suppressions, baselines and fingerprints work at the call site.
 */
class CallSiteFindingsTest {
    @TempDir
    Path dir;

    private static final String REPO_MODULE = """
            variable "name" {}
            variable "mutability" {
              default = "IMMUTABLE"
            }
            variable "scan" {
              default = true
            }
            resource "aws_ecr_repository" "this" {
              name                 = var.name
              image_tag_mutability = var.mutability

              image_scanning_configuration {
                scan_on_push = var.scan
              }
            }
            resource "aws_ecr_repository" "cache" {
              name                 = "${var.name}-cache"
              image_tag_mutability = "MUTABLE"

              image_scanning_configuration {
                scan_on_push = true
              }
            }
            output "url" { value = aws_ecr_repository.this.repository_url }
            """;

    private void write(String relative, String text) {
        TestFiles.write(dir, relative, text);
    }

    /** A manifest of registry calls: key, source (without host), directory. */
    private void manifest(String... keySourceDir) {
        StringBuilder m = new StringBuilder("{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"}");
        for (int i = 0; i < keySourceDir.length; i += 3) {
            String source = keySourceDir[i + 1].startsWith(".") ? keySourceDir[i + 1]
                    : "registry.terraform.io/" + keySourceDir[i + 1];
            m.append(",{\"Key\":\"").append(keySourceDir[i]).append("\",\"Source\":\"").append(source)
                    .append("\",\"Version\":\"1.0.0\",\"Dir\":\"").append(keySourceDir[i + 2]).append("\"}");
        }
        write(".terraform/modules/modules.json", m.append("]}").toString());
    }

    private void installedRepository() {
        write("main.tf", """
                module "repo" {
                  source     = "example/repo/aws"
                  version    = "1.0.0"
                  name       = "app"
                  mutability = "MUTABLE"
                }
                """);
        write(".terraform/modules/repo/main.tf", REPO_MODULE);
        manifest("repo", "example/repo/aws", ".terraform/modules/repo");
    }

    private List<Finding> scan(String rule) {
        return scanResult().findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private ScanResult scanResult() {
        return new Scanner().scan(new ScanRequest(List.of(dir), dir, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1));
    }

    @Test
    void aValueThatCameThroughAnArgumentIsReportedAtThatArgumentWithTheModuleCodeAsEvidence() {
        installedRepository();
        Finding f = scan("ecr-tag-mutable").stream().filter(x -> x.resource().endsWith("this")).findFirst()
                .orElseThrow();
        assertEquals("main.tf", f.span().file());
        assertEquals(5, f.span().line(), "the mutability argument");
        assertTrue(f.message().contains("module.repo.aws_ecr_repository.this"), f.message());
        Evidence definition = f.evidence().stream().filter(e -> e.role() == Evidence.Role.DEFINITION).findFirst()
                .orElseThrow();
        assertEquals(".terraform/modules/repo/main.tf", definition.span().file());
        assertEquals(10, definition.span().line());
        assertTrue(definition.message().contains("registry.terraform.io/example/repo/aws 1.0.0"),
                definition.message());
    }

    @Test
    void aValueTheModuleWritesItselfIsReportedAtTheCall() {
        installedRepository();
        Finding cache = scan("ecr-tag-mutable").stream().filter(x -> x.resource().endsWith("cache")).findFirst()
                .orElseThrow();
        assertEquals(1, cache.span().line(), "the module block");
        assertEquals(18, cache.evidence().get(cache.evidence().size() - 1).span().line());
    }

    @Test
    void movingTheModulesLinesKeepsTheCallSiteAndTheFingerprint() {
        installedRepository();
        List<Finding> before = scan("ecr-tag-mutable");
        write(".terraform/modules/repo/main.tf", "# a newer release\n\n\n" + REPO_MODULE);
        List<Finding> after = scan("ecr-tag-mutable");
        assertEquals(before.stream().map(f -> f.span().line()).toList(),
                after.stream().map(f -> f.span().line()).toList());
        assertEquals(before.stream().map(Fingerprint::of).toList(), after.stream().map(Fingerprint::of).toList());
        Finding moved = after.stream().filter(f -> f.resource().endsWith("this")).findFirst().orElseThrow();
        assertEquals(13, moved.evidence().get(moved.evidence().size() - 1).span().line(),
                "the evidence follows the module's code");
    }

    @Test
    void aSuppressionAtTheCallSiteCoversTheModulesFindings() {
        installedRepository();
        write("main.tf", """
                # preflight:ignore ecr-tag-mutable releases are re-tagged by the pipeline
                module "repo" {
                  source     = "example/repo/aws"
                  version    = "1.0.0"
                  name       = "app"
                  mutability = "MUTABLE"
                }
                """);
        Analysis.Outcome outcome = new Analysis(Map.of(), false, null, Set.of()).run(
                new ScanRequest(List.of(dir), dir, Map.of(), Map.of(), RuleRegistry.discover().rules(), 1),
                new InputSelection(dir, List.of(), false).select(List.of(dir)));
        List<ReportedFinding> mutable = outcome.findings().stream()
                .filter(r -> r.finding().ruleId().equals("ecr-tag-mutable")).toList();
        assertEquals(2, mutable.size());
        assertTrue(mutable.stream().allMatch(ReportedFinding::suppressed), "both are covered by the comment");
    }

    @Test
    void aBaselineKeepsAcceptingTheFindingsAfterTheModulesLinesMove() throws IOException {
        installedRepository();
        Path file = dir.resolve("baseline.json");
        Baseline.write(file, scan("ecr-tag-mutable").stream().map(ReportedFinding::active).toList());
        write(".terraform/modules/repo/main.tf", "\n\n\n\n" + REPO_MODULE);
        List<ReportedFinding> fresh = Baseline.read(file).newFindings(
                scan("ecr-tag-mutable").stream().map(ReportedFinding::active).toList());
        assertEquals(List.of(), fresh);
    }

    @Test
    void aNestedChainIsReportedAtTheCallTheUserWrote() {
        write("main.tf", """
                module "platform" {
                  source  = "example/platform/aws"
                  version = "1.0.0"
                  app     = "web"
                }
                """);
        write(".terraform/modules/platform/main.tf", """
                variable "app" {}
                module "registry" {
                  source     = "example/repo/aws"
                  version    = "1.0.0"
                  name       = var.app
                  mutability = "MUTABLE"
                }
                """);
        write(".terraform/modules/platform.registry/main.tf", REPO_MODULE);
        manifest("platform", "example/platform/aws", ".terraform/modules/platform",
                "platform.registry", "example/repo/aws", ".terraform/modules/platform.registry");
        List<Finding> found = scan("ecr-tag-mutable");
        assertEquals(2, found.size());
        for (Finding f : found) {
            assertEquals("main.tf", f.span().file());
            assertEquals(1, f.span().line(), "the mutability is the platform module's own: at the call");
        }
    }

    @Test
    void aRegistryModuleCalledFromTheUsersLocalModuleIsReportedInThatModulesFile() {
        write("main.tf", """
                module "platform" {
                  source = "./modules/platform"
                }
                """);
        write("modules/platform/main.tf", """
                module "repo" {
                  source     = "example/repo/aws"
                  version    = "1.0.0"
                  name       = "app"
                  mutability = "MUTABLE"
                }
                resource "aws_ecr_repository" "own" {
                  name                 = "own"
                  image_tag_mutability = "MUTABLE"
                }
                """);
        write(".terraform/modules/platform.repo/main.tf", REPO_MODULE);
        manifest("platform", "./modules/platform", "modules/platform",
                "platform.repo", "example/repo/aws", ".terraform/modules/platform.repo");
        List<String> where = scan("ecr-tag-mutable").stream()
                .map(f -> f.resource() + "@" + f.span().file() + ":" + f.span().line()).sorted().toList();
        assertEquals(List.of("module.platform.aws_ecr_repository.own@modules/platform/main.tf:9",
                "module.platform.module.repo.aws_ecr_repository.cache@modules/platform/main.tf:1",
                "module.platform.module.repo.aws_ecr_repository.this@modules/platform/main.tf:5"), where);
    }

    @Test
    void theScanCountsTheModuleCallsItLoadedAndThoseItCouldNot() {
        installedRepository();
        write("other.tf", """
                module "later" {
                  source  = "example/later/aws"
                  version = "1.0.0"
                }
                """);
        ScanResult r = scanResult();
        ModuleCoverage coverage = ModuleCalls.count(r.moduleCalls(), file -> true);
        assertEquals(1, coverage.loaded());
        assertEquals(List.of(new ModuleCoverage.NotChecked("not-installed", "not installed by terraform init", 1)),
                coverage.notChecked());
        assertEquals(0, ModuleCalls.count(r.moduleCalls(), file -> !file.equals("main.tf")
                && !file.equals("other.tf")).loaded(), "counted at the user's call site, for the scope");
    }
}
