package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.FailOn;
import dev.preflight.testing.JunitXml;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.Test;

class JunitReporterTest {

    private static Map<String, ReportTestSuite> suites(FailOn failOn, Report report) throws Exception {
        String xml = ReportFixture.render(new JunitReporter(failOn), report);
        Map<String, ReportTestSuite> byName = new java.util.TreeMap<>();
        for (ReportTestSuite s : JunitXml.parse(xml)) {
            byName.put(s.getFullClassName(), s);
        }
        return byName;
    }

    private static ReportTestCase testCase(ReportTestSuite suite, String file) {
        return suite.getTestCases().stream().filter(c -> c.getName().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + file + " in " + suite.getFullClassName()));
    }

    @Test
    void aCaseFailsOnlyWithFindingsAtOrAboveTheThreshold() throws Exception {
        Map<String, ReportTestSuite> warning = suites(FailOn.WARNING, ReportFixture.report());
        // the alb error and the queue-name warning in main.tf fail; the suppressed queue finding does not
        assertTrue(testCase(warning.get("alb-subnets-single-az"), "net/main.tf").hasFailure());
        assertTrue(testCase(warning.get("queue-name"), "net/main.tf").hasFailure());
        assertFalse(testCase(warning.get("queue-name"), "stack dir/app.yaml").hasFailure());

        Map<String, ReportTestSuite> error = suites(FailOn.ERROR, ReportFixture.report());
        ReportTestCase alb = testCase(error.get("alb-subnets-single-az"), "net/main.tf");
        assertTrue(alb.hasFailure());
        assertEquals("alb-subnets-single-az", alb.getFailureType());
        assertTrue(alb.getFailureDetail().contains("net/main.tf:2:2: error:"), alb.getFailureDetail());
        assertFalse(testCase(error.get("queue-name"), "net/main.tf").hasFailure(),
                "a warning does not fail a case when the gate fails on errors only");
        assertEquals(1, error.get("alb-subnets-single-az").getNumberOfFailures());
        assertEquals(0, error.get("queue-name").getNumberOfFailures());
        // unreadable input is an error whatever the threshold, even never
        ReportTestCase broken = testCase(suites(FailOn.NEVER, ReportFixture.report()).get("parse-error"),
                "broken.tf");
        assertTrue(broken.hasError());
    }

    @Test
    void belowThresholdAndSuppressedFindingsAreInSystemOut() throws Exception {
        String xml = ReportFixture.render(new JunitReporter(FailOn.ERROR), ReportFixture.report());
        assertTrue(xml.contains("<system-out>\nnet/main.tf:3:3: warning: bad name (aws_lb.web) [below --fail-on "
                + "error]\n</system-out>"), xml);
        assertTrue(xml.contains("stack dir/app.yaml:2:3: warning: queue has no name (Queue) [suppressed: named by "
                + "the platform]"), xml);
    }

    @Test
    void suitesOnlyForRulesThatRanOnSomething() throws Exception {
        Report r = ReportFixture.report();
        // the alb rule ran on main.tf only; queue-name ran on nothing, but found (suppressed) something in app.yaml
        Report withCoverage = new Report(r.tool(), r.rules(), r.findings(), r.problems(), r.files(),
                r.sourceRootPrefix(), r.baselined(), Map.of("alb-subnets-single-az", Set.of("net/main.tf"),
                "queue-name", Set.of()));
        Map<String, ReportTestSuite> suites = suites(FailOn.ERROR, withCoverage);
        assertEquals(Set.of("alb-subnets-single-az", "queue-name", "parse-error"), suites.keySet());
        assertEquals(List.of("net/main.tf"), suites.get("alb-subnets-single-az").getTestCases().stream()
                .map(ReportTestCase::getName).toList());
        assertEquals(List.of("net/main.tf", "stack dir/app.yaml"), suites.get("queue-name").getTestCases().stream()
                .map(ReportTestCase::getName).toList(), "the files where it found something");

        Report nothing = new Report(r.tool(), r.rules(), List.of(), List.of(), r.files(), "", 0,
                Map.of("alb-subnets-single-az", Set.of(), "queue-name", Set.of()));
        assertEquals(Set.of(), suites(FailOn.ERROR, nothing).keySet(), "no rule ran on anything");
    }

    @Test
    void totalsAgreeWithTheCases() throws Exception {
        String xml = ReportFixture.render(new JunitReporter(FailOn.ERROR), ReportFixture.report());
        // alb and queue-name on the two files read, parse-error on the unreadable one
        assertTrue(xml.contains("<testsuites name=\"preflight\" tests=\"5\" failures=\"1\" errors=\"1\" "
                + "skipped=\"0\" time=\"0\">"), xml);
        int tests = 0;
        for (ReportTestSuite s : JunitXml.parse(xml)) {
            tests += s.getNumberOfTests();
        }
        assertEquals(5, tests);
    }
}
