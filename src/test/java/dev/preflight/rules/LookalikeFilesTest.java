package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.engine.ScanResult;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Files that real repositories keep next to their templates and that mention {@code Resources} and {@code AWS::}
 * types are not templates, and tools' folders hold copies: none of them may give an error or a finding. Real
 * templates, with their syntax errors, must still be reported: in the lookalike set, and in the shared corpus.
 */
class LookalikeFilesTest {
    static final Path LOOKALIKES = Fixture.REPO.resolve("testdata/lookalikes");

    @Test
    void lookalikesGiveNothingAndRealTemplatesKeepTheirFindings() {
        Fixture fixture = Fixture.directory(LOOKALIKES);
        ScanResult result = FixtureTest.scan(LOOKALIKES);
        Set<Fixture.Expected> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            actual.add(new Fixture.Expected(f.span().file(), f.span().line(), f.ruleId()));
        }
        assertEquals(fixture.expected(), actual);
        // the only unreadable inputs are the three templates with syntax errors
        Set<String> unreadable = new TreeSet<>();
        result.problems().forEach(p -> unreadable.add(p.where().file()));
        assertEquals(Set.of("testdata/lookalikes/templates/broken.json", "testdata/lookalikes/templates/broken.yaml",
                "testdata/lookalikes/templates/broken-resources-only.yaml"), unreadable);
    }

    @Test
    void eachLookalikeIsSkippedWithItsReason() {
        ScanResult result = FixtureTest.scan(LOOKALIKES);
        Set<String> skipped = new TreeSet<>();
        for (Skipped s : result.skipped()) {
            skipped.add(s.path().substring("testdata/lookalikes/".length()) + " " + s.reason().split(":")[0]);
        }
        assertEquals(new TreeSet<>(List.of(
                ".aws-sam a tool's folder, not your code",
                ".serverless a tool's folder, not your code",
                ".terragrunt-cache a tool's folder, not your code",
                "cdk.out/asset.5c2b4d1e9f0a7b3c6d8e2f1a4b7c9d0e3f5a6b8c a tool's folder, not your code",
                "api/openapi.json not a CloudFormation template",
                "appspec.yaml not a CloudFormation template",
                "charts/web/templates/stack-configmap.yaml not a CloudFormation template",
                "deploy/ecs/appspec.json not a CloudFormation template",
                "deploy/lambda/appspec.yaml not a CloudFormation template",
                "guard/tests/ecs_tests.yaml not a CloudFormation template",
                "guard/tests/vpc_tests.json not a CloudFormation template",
                "k8s/cfn-template-configmap.yaml not a CloudFormation template",
                "serverless.yml not a CloudFormation template")), skipped);
    }

    @Test
    void theCorpusRealDefectsAreStillReported() {
        String corpus = System.getProperty("preflight.corpus");
        Path root = corpus == null ? null : Path.of(corpus, "cloudformation");
        assumeTrue(root != null && Files.isDirectory(root), "corpus not found (set -Dpreflight.corpus); skipped");
        ScanResult result = FixtureTest.scan(root);
        // a file part, the check, a message part: one of each kind of real defect the corpus holds
        List<String[]> defects = List.of(
                new String[] {"APIGateway/apigateway_lambda_integration.yaml", "parse-error", "!Rain::Embed"},
                new String[] {"codestar/python-webservice-lambda/template.yml", "parse-error", "Fn::If expects"},
                new String[] {"good/core/config_cfn_lint.yaml", "parse-error", "at least one resource"},
                new String[] {"functions/sub_needed.yaml", "parse-error", "Ref to 'GreetingApi'"},
                new String[] {"ServiceCatalog/Portfolio.yaml", "duplicate-key", "duplicate key 'Key'"},
                new String[] {"CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", "duplicate-key",
                    "duplicate key 'EC2InstanceSGID'"});
        for (String[] d : defects) {
            assertTrue(result.findings().stream().anyMatch(f -> f.span().file().contains(d[0])
                    && f.ruleId().equals(d[1]) && f.message().contains(d[2])), d[0] + " " + d[1] + " " + d[2]);
        }
        // the macro event payloads mention a template inside "fragment": skipped, no longer errors
        for (Problem p : result.problems()) {
            assertTrue(!p.where().file().contains("MacrosExamples/Count/event"), p.toString());
        }
        assertTrue(result.skipped().stream().filter(s -> s.path().contains("MacrosExamples/Count/event")).count() >= 2,
                result.skipped().toString());
    }
}
