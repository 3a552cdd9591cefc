package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.SarifSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static JsonNode render(Report report) throws Exception {
        return SarifSchema.assertValid(ReportFixture.render(new SarifReporter(), report)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportIsValidSarifWithRulesAndIndexedResults() throws Exception {
        JsonNode run = render(ReportFixture.report()).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(3, rules.size());
        JsonNode alb = rules.get(0);
        assertEquals("alb-subnets-single-az", alb.get("id").asText());
        assertEquals("AlbSubnetsSingleAz", alb.get("name").asText());
        assertEquals("error", alb.get("defaultConfiguration").get("level").asText());
        assertEquals("https://example.invalid/preflight/blob/main/rules/README.md#alb-subnets-single-az",
                alb.get("helpUri").asText());
        assertTrue(alb.get("help").get("text").asText().contains("second availability zone"));

        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
        }
    }

    @Test
    void locationsAreRelativeToTheSourceRootWithEscapedUris() throws Exception {
        Report r = ReportFixture.report();
        Report inSubdir = new Report(r.tool(), r.rules(), r.findings(), r.problems(), r.files(), "infra/", 0);
        JsonNode results = render(inSubdir).get("runs").get(0).get("results");
        JsonNode alb = results.get(1).get("locations").get(0).get("physicalLocation");
        assertEquals("infra/net/main.tf", alb.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", alb.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(2, alb.get("region").get("startLine").asInt());
        assertEquals(2, alb.get("region").get("startColumn").asInt());
        assertEquals(29, alb.get("region").get("endColumn").asInt());
        assertEquals("infra/stack%20dir/app.yaml", results.get(3).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText());
    }

    @Test
    void suppressedFindingsAreSuppressedResultsAndFingerprintsAreCarried() throws Exception {
        JsonNode results = render(ReportFixture.report()).get("runs").get(0).get("results");
        JsonNode queue = results.get(3);
        assertEquals("queue-name", queue.get("ruleId").asText());
        assertEquals("inSource", queue.get("suppressions").get(0).get("kind").asText());
        assertEquals("named by the platform", queue.get("suppressions").get(0).get("justification").asText());
        assertEquals("fp-queue", queue.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText());
        assertFalse(results.get(1).has("suppressions"));
    }

    @Test
    void theMessageIsTheFindingAloneAndTheFixIsItsOwnText() throws Exception {
        JsonNode alb = render(ReportFixture.report()).get("runs").get(0).get("results").get(1);
        assertEquals(ReportFixture.ALB_FINDING.message(), alb.get("message").get("text").asText());
        assertEquals("Add a subnet in a second availability zone.", alb.at("/properties/fixHint").asText());
        assertEquals("aws_lb.web", alb.at("/properties/resource").asText());
    }

    @Test
    void theValidatorIsRealAndRejectsABrokenLog() throws Exception {
        JsonNode broken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"level\":\"fatal\"}]}]}");
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> SarifSchema.assertValid(broken));
    }

    @Test
    void emptyReportIsValid() throws Exception {
        Report r = ReportFixture.report();
        JsonNode sarif = render(new Report(r.tool(), r.rules(), List.of(), List.of(), Map.of(), "", 0));
        assertEquals(0, sarif.get("runs").get(0).get("results").size());
    }
}
