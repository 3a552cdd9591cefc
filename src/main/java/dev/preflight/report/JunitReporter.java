package dev.preflight.report;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, which GitLab, Jenkins and most CI servers show as a test report: one test suite per rule, one test case
 * per rule and file, failing with that rule's active findings in that file. Unreadable inputs are errors of the
 * {@code parse-error} suite. Suppressed findings do not fail a case.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Map<String, Map<String, List<Finding>>> byRuleAndFile = new TreeMap<>();
        TreeSet<String> files = new TreeSet<>(report.files().keySet());
        for (ReportedFinding r : report.findings()) {
            files.add(r.finding().span().file());
            if (!r.suppressed()) {
                byRuleAndFile.computeIfAbsent(r.finding().ruleId(), k -> new TreeMap<>())
                        .computeIfAbsent(r.finding().span().file(), k -> new ArrayList<>()).add(r.finding());
            }
        }
        long failed = byRuleAndFile.values().stream().mapToLong(Map::size).sum();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", report.tool().name());
            x.writeAttribute("tests", Long.toString((long) report.rules().size() * files.size()));
            x.writeAttribute("failures", Long.toString(failed));
            for (RuleInfo rule : report.rules()) {
                writeSuite(x, rule, files, byRuleAndFile.getOrDefault(rule.id(), Map.of()));
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void writeSuite(XMLStreamWriter x, RuleInfo rule, TreeSet<String> files,
                                   Map<String, List<Finding>> byFile) throws XMLStreamException {
        boolean unreadable = rule.id().equals(Scanner.PARSE_ERROR);
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", rule.id());
        x.writeAttribute("tests", Integer.toString(files.size()));
        x.writeAttribute("failures", Integer.toString(unreadable ? 0 : byFile.size()));
        x.writeAttribute("errors", Integer.toString(unreadable ? byFile.size() : 0));
        for (String file : files) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", rule.id());
            x.writeAttribute("name", file);
            List<Finding> found = byFile.get(file);
            if (found != null) {
                x.writeStartElement(unreadable ? "error" : "failure");
                x.writeAttribute("type", rule.id());
                x.writeAttribute("message", found.size() == 1 ? found.get(0).message()
                        : found.size() + " findings of " + rule.id());
                StringBuilder body = new StringBuilder("\n");
                for (Finding f : found) {
                    body.append(f.span().file()).append(':').append(f.span().line()).append(':')
                            .append(f.span().column()).append(": ").append(f.severity().label()).append(": ")
                            .append(f.message());
                    if (f.resource() != null) {
                        body.append(" (").append(f.resource()).append(')');
                    }
                    body.append('\n');
                    for (String line : EvidenceNotes.shortLines(f)) {
                        body.append("  ").append(line).append('\n');
                    }
                }
                x.writeCharacters(body.toString());
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }
}
