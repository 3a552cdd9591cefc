package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pre-commit run names one file of a root that calls three installed modules: those three are loaded, and nothing
 * else of {@code .terraform} (a stale manifest entry, another module's broken file) is read.
 */
class PreCommitModulesTest {
    @TempDir
    Path dir;

    private void write(String relative, String text) {
        TestFiles.write(dir, relative, text);
    }

    @Test
    void namingOneFileLoadsTheCalledModulesAndOnlyThem() {
        write("stack/main.tf", """
                module "repo" {
                  source  = "example/repo/aws"
                  version = "~> 1.0"
                }
                module "queue" {
                  source  = "example/queue/aws"
                  version = "~> 1.0"
                }
                module "topic" {
                  source  = "example/topic/aws"
                  version = "~> 1.0"
                }
                """);
        write("stack/variables.tf", "variable \"env\" { default = \"dev\" }\n");
        for (String name : List.of("repo", "queue", "topic")) {
            write("stack/.terraform/modules/" + name + "/main.tf", name.equals("repo") ? """
                    resource "aws_ecr_repository" "this" {
                      name                 = "app"
                      image_tag_mutability = "MUTABLE"
                    }
                    """ : "resource \"aws_sqs_queue\" \"this\" {}\n");
        }
        // what is installed but no longer called, and would not even parse
        write("stack/.terraform/modules/old/main.tf", "resource \"aws_sqs_queue\" \"broken\" {\n");
        StringBuilder manifest = new StringBuilder("{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"}");
        for (String name : List.of("repo", "queue", "topic", "old")) {
            manifest.append(",{\"Key\":\"").append(name).append("\",\"Source\":\"registry.terraform.io/example/")
                    .append(name).append("/aws\",\"Version\":\"1.4.0\",\"Dir\":\".terraform/modules/").append(name)
                    .append("\"}");
        }
        write("stack/.terraform/modules/modules.json", manifest.append("]}").toString());
        // another root beside it, not named
        write("other/main.tf", "module \"x\" {\n  source = \"example/x/aws\"\n}\n");

        InputSelection.Selected selected = new InputSelection(dir, List.of(), true)
                .select(List.of(dir.resolve("stack/main.tf")));
        ScanRequest request = new ScanRequest(selected.paths(), dir, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1);
        Analysis.Outcome outcome = new Analysis(Map.of(), false, null, Set.of()).run(request, selected);

        assertEquals(List.of(), outcome.problems(), "the stale module is not read");
        assertEquals(new ModuleCoverage(3, List.of()), outcome.moduleCalls());
        List<String> findings = outcome.findings().stream()
                .map(r -> r.finding().ruleId() + "@" + r.finding().span().file() + ":" + r.finding().span().line())
                .toList();
        assertTrue(findings.contains("ecr-tag-mutable@stack/main.tf:1"), findings.toString());
    }
}
