package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    @Test
    void findingsCarryTheContractFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(), ReportFixture.report()));
        JsonNode alb = json.get("findings").get(1);
        List<String> names = new ArrayList<>();
        alb.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("ruleId", "severity", "message", "file", "line", "column", "endLine",
                "endColumn", "resource")), names.toString());
        assertEquals("alb-subnets-single-az", alb.get("ruleId").asText());
        assertEquals("error", alb.get("severity").asText());
        assertEquals("net/main.tf", alb.get("file").asText());
        assertEquals(2, alb.get("line").asInt());
        assertEquals(2, alb.get("column").asInt());
        assertEquals(2, alb.get("endLine").asInt());
        assertEquals(29, alb.get("endColumn").asInt());
        assertEquals("aws_lb.web", alb.get("resource").asText());
        assertFalse(alb.get("suppressed").asBoolean());
        assertTrue(json.get("findings").get(0).get("resource").isNull());
    }

    @Test
    void suppressedFindingsStayWithTheirReason() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(), ReportFixture.report()));
        JsonNode queue = json.get("findings").get(3);
        assertTrue(queue.get("suppressed").asBoolean());
        assertEquals("named by the platform", queue.get("suppression").get("reason").asText());
    }

    @Test
    void errorsAndSummary() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(), ReportFixture.report()));
        JsonNode error = json.get("errors").get(0);
        assertEquals("broken.tf", error.get("file").asText());
        assertEquals(3, error.get("line").asInt());
        assertEquals(7, error.get("column").asInt());
        assertEquals("expected '}'", error.get("message").asText());
        JsonNode summary = json.get("summary");
        assertEquals(2, summary.get("errors").asInt());
        assertEquals(1, summary.get("warnings").asInt());
        assertEquals(1, summary.get("suppressed").asInt());
        assertEquals("1.2.3", json.get("tool").get("version").asText());
    }

    @Test
    void outputIsDeterministic() throws Exception {
        assertEquals(ReportFixture.render(new JsonReporter(), ReportFixture.report()),
                ReportFixture.render(new JsonReporter(), ReportFixture.report()));
    }
}
