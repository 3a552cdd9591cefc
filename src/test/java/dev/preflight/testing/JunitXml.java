package dev.preflight.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;

/**
 * Reads a JUnit XML report with Maven Surefire's report parser, the reader of the Ant JUnit layout that Maven's own
 * report plugin uses: a report it cannot read, or reads differently from what we meant, is one CI servers would
 * not show as meant either.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** The suites of {@code xml}; fails when the parser does not accept it. */
    public static List<ReportTestSuite> parse(String xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(new InputStreamReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        if (!parser.isValid()) {
            throw new AssertionError("not a JUnit report Surefire's parser accepts:\n" + xml);
        }
        return suites;
    }
}
