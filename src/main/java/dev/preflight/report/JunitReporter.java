package dev.preflight.report;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.FailOn;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as GitLab, Jenkins and most CI servers read it (the Ant layout: {@code testsuites}, a {@code testsuite}
 * per rule, a {@code testcase} per rule and file), agreeing with the gate: a test case fails only with findings at
 * or above {@code --fail-on}; milder and suppressed findings are listed in its {@code system-out}, so that a passing
 * job never shows failing tests. Inputs that could not be read or parsed are {@code error}s of the
 * {@code input-error} and {@code parse-error} suites, as they fail the gate whatever the threshold.
 *
 * <p>A suite is written only for a rule that ran on something: its test cases are the files holding a resource of
 * a kind it reads, and any other file where it found something.
 */
public final class JunitReporter implements Reporter {
    private final FailOn failOn;

    /** A report whose failures are the findings that {@code failOn} counts. */
    public JunitReporter(FailOn failOn) {
        this.failOn = failOn;
    }

    /** A report that fails on warnings and errors, the command line's default threshold. */
    public JunitReporter() {
        this(FailOn.WARNING);
    }

    /** One test case: a rule on a file, with what it found there. */
    private record Case(String rule, String file, List<ReportedFinding> findings) {
        boolean isError() {
            return isInputOrParseError(rule) && !findings.isEmpty();
        }
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Map<String, List<Case>> suites = suites(report);
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (List<Case> cases : suites.values()) {
            tests += cases.size();
            for (Case c : cases) {
                errors += c.isError() ? 1 : 0;
                failures += !c.isError() && failing(c) != null ? 1 : 0;
            }
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", report.tool().name());
            writeCounts(x, tests, failures, errors);
            for (RuleInfo rule : report.rules()) {
                List<Case> cases = suites.get(rule.id());
                if (cases != null && !cases.isEmpty()) {
                    writeSuite(x, rule, cases);
                }
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

    /** Rule id to its test cases: one per file it ran on or found something in, files in order. */
    private static Map<String, List<Case>> suites(Report report) {
        Map<String, Map<String, List<ReportedFinding>>> byRuleAndFile = new TreeMap<>();
        for (RuleInfo rule : report.rules()) {
            Map<String, List<ReportedFinding>> files = new TreeMap<>();
            for (String file : ranOn(report, rule)) {
                files.put(file, new ArrayList<>());
            }
            byRuleAndFile.put(rule.id(), files);
        }
        for (ReportedFinding r : report.findings()) {
            Map<String, List<ReportedFinding>> files = byRuleAndFile.get(r.finding().ruleId());
            if (files == null) { // a rule the report has no metadata for: still shown
                files = new TreeMap<>();
                byRuleAndFile.put(r.finding().ruleId(), files);
            }
            files.computeIfAbsent(r.finding().span().file(), f -> new ArrayList<>()).add(r);
        }
        Map<String, List<Case>> suites = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<ReportedFinding>>> rule : byRuleAndFile.entrySet()) {
            List<Case> cases = new ArrayList<>();
            for (Map.Entry<String, List<ReportedFinding>> file : rule.getValue().entrySet()) {
                cases.add(new Case(rule.getKey(), file.getKey(), file.getValue()));
            }
            suites.put(rule.getKey(), cases);
        }
        return suites;
    }

    /**
     * The files {@code rule} ran on. The engine's own checks (input and parse errors, suppressions) ran on no file
     * in particular: their cases are their findings. A report made without coverage counts every file read.
     */
    private static Set<String> ranOn(Report report, RuleInfo rule) {
        if (isInputOrParseError(rule.id())) {
            return Set.of();
        }
        if (report.coverage().isEmpty()) {
            return report.files().keySet();
        }
        return report.coverage().getOrDefault(rule.id(), Set.of());
    }

    private static boolean isInputOrParseError(String ruleId) {
        return ruleId.equals(Scanner.PARSE_ERROR) || ruleId.equals(Scanner.INPUT_ERROR);
    }

    /** The findings of {@code c} that fail the gate, or null when there are none. */
    private List<Finding> failing(Case c) {
        List<Finding> found = new ArrayList<>();
        for (ReportedFinding r : c.findings()) {
            if (!r.suppressed() && fails(r.finding())) {
                found.add(r.finding());
            }
        }
        return found.isEmpty() ? null : found;
    }

    private void writeSuite(XMLStreamWriter x, RuleInfo rule, List<Case> cases) throws XMLStreamException {
        int failures = 0;
        int errors = 0;
        for (Case c : cases) {
            errors += c.isError() ? 1 : 0;
            failures += !c.isError() && failing(c) != null ? 1 : 0;
        }
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", rule.id());
        writeCounts(x, cases.size(), failures, errors);
        for (Case c : cases) {
            writeCase(x, c);
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private void writeCase(XMLStreamWriter x, Case c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", c.rule());
        x.writeAttribute("name", c.file());
        x.writeAttribute("file", c.file());
        x.writeAttribute("time", "0");
        List<Finding> failing = failing(c);
        if (failing != null) {
            x.writeStartElement(c.isError() ? "error" : "failure");
            x.writeAttribute("type", c.rule());
            x.writeAttribute("message", failing.size() == 1 ? failing.get(0).message()
                    : failing.size() + " findings of " + c.rule());
            StringBuilder body = new StringBuilder("\n");
            for (Finding f : failing) {
                line(body, f, "");
            }
            x.writeCharacters(body.toString());
            x.writeEndElement();
        }
        StringBuilder rest = new StringBuilder();
        for (ReportedFinding r : c.findings()) {
            if (r.suppressed()) {
                line(rest, r.finding(), " [suppressed" + (r.suppression().hasReason() ? ": "
                        + r.suppression().reason() : "") + "]");
            } else if (!fails(r.finding())) {
                line(rest, r.finding(), " [below --fail-on " + failOn.name().toLowerCase(Locale.ROOT)
                        + "]");
            }
        }
        if (rest.length() > 0) {
            x.writeStartElement("system-out");
            x.writeCharacters("\n" + rest);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** Whether an active finding fails the gate: input and parse errors always do, others from the threshold. */
    private boolean fails(Finding f) {
        return isInputOrParseError(f.ruleId()) || failOn.fails(f.severity());
    }

    /** {@code file:line:col: severity: message (resource)}, then its evidence and the fix, as compilers print them. */
    private static void line(StringBuilder s, Finding f, String note) {
        s.append(f.span().file()).append(':').append(f.span().line()).append(':').append(f.span().column())
                .append(": ").append(f.severity().label()).append(": ").append(f.message());
        if (f.resource() != null && !f.message().contains(f.resource())) {
            s.append(" (").append(f.resource()).append(')');
        }
        s.append(note).append('\n');
        for (String evidence : EvidenceNotes.shortLines(f)) {
            s.append("  ").append(evidence).append('\n');
        }
        if (f.fixHint() != null && !f.fixHint().isBlank()) {
            s.append("  fix: ").append(f.fixHint()).append('\n');
        }
    }

    private static void writeCounts(XMLStreamWriter x, int tests, int failures, int errors)
            throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", Integer.toString(errors));
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
    }
}
