package dev.preflight.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.Problem;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: one run, rules with their help, results located relative to
 * {@code %SRCROOT%} (the repository root), a {@code partialFingerprints} entry that survives lines moving, and
 * suppressed findings as results with an in-source suppression rather than left out. A result's message is the
 * finding's own, with its evidence: each piece becomes one of {@code relatedLocations}, linked from the message with
 * SARIF's embedded links ({@code [text](id)}), and the places a deciding value passed through become a
 * {@code codeFlows} thread that ends at the finding. Its fix hint (in the syntax of the finding's format) is
 * {@code properties.fixHint}, since a SARIF {@code fix} must carry the edit itself, which preflight does not make.
 */
public final class SarifReporter implements Reporter {
    /** The partialFingerprints key; the {@code /v1} changes if the fingerprint's recipe ever does. */
    static final String FINGERPRINT_KEY = "preflightFingerprint/v1";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SOURCE_ROOT = "%SRCROOT%";

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        Map<String, Integer> ruleIndex = writeTool(g, report);
        writeInvocation(g, report);
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeArrayFieldStart("results");
        for (ReportedFinding f : report.findings()) {
            writeResult(g, report, f, ruleIndex);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static Map<String, Integer> writeTool(JsonGenerator g, Report report) throws IOException {
        ToolInfo tool = report.tool();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        if (tool.informationUri() != null) {
            g.writeStringField("informationUri", tool.informationUri());
        }
        g.writeArrayFieldStart("rules");
        Map<String, Integer> index = new HashMap<>();
        List<RuleInfo> rules = report.rules();
        for (int i = 0; i < rules.size(); i++) {
            writeRule(g, tool, rules.get(i));
            index.put(rules.get(i).id(), i);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        return index;
    }

    private static void writeRule(JsonGenerator g, ToolInfo tool, RuleInfo r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", pascalCase(r.id()));
        writeText(g, "shortDescription", r.title());
        writeText(g, "fullDescription", firstPresent(r.description(), r.prevents(), r.title()));
        g.writeObjectFieldStart("help");
        String help = firstPresent(r.fixHint(), r.title());
        g.writeStringField("text", help);
        g.writeStringField("markdown", firstPresent(r.doc(), help));
        g.writeEndObject();
        if (tool.informationUri() != null) {
            g.writeStringField("helpUri", tool.ruleDocUri(r.id()));
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("infrastructure-as-code");
        // by name, so that reporters keep no dependency on the graph package; users' kinds and types too, once
        // each (aws_s3_bucket and AWS::S3::Bucket make the same tag, and SARIF wants tags unique)
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        for (String kind : r.kindNames()) {
            tags.add(kind.toLowerCase(Locale.ROOT).replace('_', '-').replace("::", "-"));
        }
        for (String tag : tags) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Unreadable inputs are tool notifications as well as parse-error results, so viewers show them either way. */
    private static void writeInvocation(JsonGenerator g, Report report) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Problem p : report.problems()) {
            g.writeStartObject();
            g.writeStringField("level", "error");
            writeText(g, "message", p.message());
            g.writeArrayFieldStart("locations");
            writeLocation(g, report, p.where().file(), p.where().line(), p.where().column(), p.where().endLine(),
                    p.where().endColumn());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeResult(JsonGenerator g, Report report, ReportedFinding r, Map<String, Integer> ruleIndex)
            throws IOException {
        Finding f = r.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", level(f.severity()));
        // the message and its evidence: it is the alert's title; the fix is its own text, in the result's properties
        writeText(g, "message", message(f));
        g.writeArrayFieldStart("locations");
        writeLocation(g, report, f.span(), null, null);
        g.writeEndArray();
        writeRelated(g, report, f);
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, r.fingerprint());
        g.writeEndObject();
        if (r.suppressed()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "inSource");
            g.writeStringField("status", "accepted");
            if (r.suppression().hasReason()) {
                g.writeStringField("justification", r.suppression().reason());
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        boolean fix = f.fixHint() != null && !f.fixHint().isBlank();
        if (f.resource() != null || fix) {
            g.writeObjectFieldStart("properties");
            if (f.resource() != null) {
                g.writeStringField("resource", f.resource());
            }
            if (fix) {
                g.writeStringField("fixHint", f.fixHint());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * The message with a link to each related location: "... See [aws_subnet.a is in eu-west-1a](1)." Brackets of the
     * text itself are escaped, as embedded links require. The fix hint is not part of it (see the class comment).
     */
    static String message(Finding f) {
        StringBuilder s = new StringBuilder(escapeLinks(f.message()));
        List<Evidence> evidence = f.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            s.append(i == 0 ? " See " : ", ").append('[').append(escapeLinks(evidence.get(i).message())).append("](")
                    .append(i + 1).append(')');
        }
        if (!evidence.isEmpty()) {
            s.append('.');
        }
        return s.toString();
    }

    /** Text where '[' and ']' are literal, as SARIF's embedded-link syntax wants them (a backslash before each). */
    static String escapeLinks(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    /** relatedLocations (ids 1..n, in the evidence's order) and, when a value travelled, its code flow. */
    private static void writeRelated(JsonGenerator g, Report report, Finding f) throws IOException {
        List<Evidence> evidence = f.evidence();
        if (evidence.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("relatedLocations");
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            writeLocation(g, report, e.span(), i + 1, e.message() + " (" + EvidenceNotes.role(e.role()) + ")");
        }
        g.writeEndArray();
        List<Evidence> steps = evidence.stream().filter(e -> e.role() == Evidence.Role.VALUE_SOURCE).toList();
        if (steps.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("codeFlows");
        g.writeStartObject();
        writeText(g, "message", "where the value at fault comes from");
        g.writeArrayFieldStart("threadFlows");
        g.writeStartObject();
        g.writeArrayFieldStart("locations");
        for (Evidence step : steps) {
            writeFlowStep(g, report, step.span(), step.message());
        }
        writeFlowStep(g, report, f.span(), "used here: " + f.message());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeFlowStep(JsonGenerator g, Report report, Span span, String message) throws IOException {
        g.writeStartObject();
        g.writeFieldName("location");
        writeLocation(g, report, span, null, message);
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, Report report, Span span, Integer id, String message)
            throws IOException {
        g.writeStartObject();
        if (id != null) {
            g.writeNumberField("id", id);
        }
        writeLocationBody(g, report, span.file(), span.line(), span.column(), span.endLine(), span.endColumn());
        if (message != null) {
            writeText(g, "message", message);
        }
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, Report report, String file, int line, int column, int endLine,
                                      int endColumn) throws IOException {
        g.writeStartObject();
        writeLocationBody(g, report, file, line, column, endLine, endColumn);
        g.writeEndObject();
    }

    private static void writeLocationBody(JsonGenerator g, Report report, String file, int line, int column,
                                          int endLine, int endColumn) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uriOf(report.repositoryPath(file)));
        g.writeStringField("uriBaseId", SOURCE_ROOT);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", line);
        g.writeNumberField("startColumn", column);
        g.writeNumberField("endLine", endLine);
        g.writeNumberField("endColumn", endColumn);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeText(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** A relative path as a URI reference: spaces and non-ASCII characters percent-encoded, slashes kept. */
    static String uriOf(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URI of " + path, e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    private static String pascalCase(String id) {
        StringBuilder s = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return s.toString();
    }

    private static String firstPresent(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return "(no description)";
    }
}
