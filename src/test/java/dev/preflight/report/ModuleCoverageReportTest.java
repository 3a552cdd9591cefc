package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.engine.ModuleCoverage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reports say about module calls that were not checked: one text line, and counts in the JSON summary. */
class ModuleCoverageReportTest {
    private static Report with(ModuleCoverage coverage) {
        Report r = ReportFixture.report();
        return new Report(r.tool(), r.rules(), r.findings(), r.problems(), r.files(), r.sourceRootPrefix(),
                r.baselined(), coverage);
    }

    @Test
    void theTextEndsWithOneLineWhenModuleCallsWereNotChecked() throws Exception {
        List<String> lines = ReportFixture.render(new TextReporter(false), with(new ModuleCoverage(2,
                List.of(new ModuleCoverage.NotChecked("not-initialised", "not initialised", 3))))).lines().toList();
        assertEquals("3 module calls not checked: not initialised; run `terraform init` or scan a plan",
                lines.get(lines.size() - 1));
        assertEquals("preflight: 2 errors, 1 warning, 0 notes in 2 files (1 suppressed, 0 in the baseline)",
                lines.get(lines.size() - 2));

        lines = ReportFixture.render(new TextReporter(false), with(new ModuleCoverage(0, List.of(
                new ModuleCoverage.NotChecked("not-installed", "not installed by terraform init", 1),
                new ModuleCoverage.NotChecked("version-changed", "version changed since terraform init", 2)))))
                .lines().toList();
        assertEquals("3 module calls not checked: 1 not installed by terraform init, 2 version changed since "
                + "terraform init; run `terraform init` or scan a plan", lines.get(lines.size() - 1));
    }

    @Test
    void noLineWhenEveryModuleCallWasLoaded() throws Exception {
        String text = ReportFixture.render(new TextReporter(false), with(new ModuleCoverage(4, List.of())));
        assertFalse(text.contains("module call"), text);
    }

    @Test
    void theJsonSummaryCountsLoadedCallsAndThoseNotCheckedByReason() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(), with(
                new ModuleCoverage(5, List.of(new ModuleCoverage.NotChecked("not-initialised", "not initialised",
                        3)))))).path("summary").path("moduleCalls");
        assertEquals(5, summary.path("loaded").asInt());
        assertEquals(3, summary.path("notChecked").asInt());
        assertEquals(3, summary.path("notCheckedByReason").path("not-initialised").asInt());
        JsonNode none = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(),
                ReportFixture.report())).path("summary").path("moduleCalls");
        assertEquals(0, none.path("notChecked").asInt(), "a report without module calls still has the fields");
    }
}
