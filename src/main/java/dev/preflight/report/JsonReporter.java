package dev.preflight.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ModuleCoverage;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.engine.Suppression;
import dev.preflight.source.Problem;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON format, a stable contract for scripts (docs/json-format.md): {@code findings} (ruleId, severity, message,
 * file, line, column, endLine, endColumn, resource; plus fixHint, fingerprint, suppressed and, when suppressed,
 * suppression, and {@code related}: the finding's evidence, each with file, line, column, endLine, endColumn,
 * message and role), {@code errors} (file, line, column, message), {@code summary} (with {@code moduleCalls}:
 * loaded, and not checked by reason), and {@code tool} and {@code rules}. Fields may be
 * added; none is ever renamed. Suppressed findings stay in {@code findings} with {@code "suppressed": true}.
 */
public final class JsonReporter implements Reporter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        writeTool(g, report.tool());
        g.writeArrayFieldStart("findings");
        for (ReportedFinding f : report.findings()) {
            writeFinding(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (Problem p : report.problems()) {
            g.writeStartObject();
            g.writeStringField("file", p.where().file());
            g.writeNumberField("line", p.where().line());
            g.writeNumberField("column", p.where().column());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeSummary(g, report);
        g.writeArrayFieldStart("rules");
        for (RuleInfo r : report.rules()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("severity", r.severity().label());
            g.writeStringField("title", r.title());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void writeTool(JsonGenerator g, ToolInfo tool) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, ReportedFinding r) throws IOException {
        Finding f = r.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        writeSpan(g, f.span());
        g.writeStringField("resource", f.resource());
        g.writeStringField("fixHint", f.fixHint());
        g.writeStringField("fingerprint", r.fingerprint());
        g.writeBooleanField("suppressed", r.suppressed());
        writeRelated(g, f);
        if (r.suppressed()) {
            Suppression s = r.suppression();
            g.writeObjectFieldStart("suppression");
            g.writeStringField("reason", s.reason());
            g.writeStringField("file", s.where().file());
            g.writeNumberField("line", s.where().line());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code "moduleCalls": {"loaded", "notChecked", "notCheckedByReason": {reason id: count}}}. */
    private static void writeModuleCalls(JsonGenerator g, ModuleCoverage modules) throws IOException {
        g.writeObjectFieldStart("moduleCalls");
        g.writeNumberField("loaded", modules.loaded());
        g.writeNumberField("notChecked", modules.notCheckedTotal());
        g.writeObjectFieldStart("notCheckedByReason");
        for (ModuleCoverage.NotChecked c : modules.notChecked()) {
            g.writeNumberField(c.id(), c.count());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The finding's evidence, in the rule's order; an empty array when it has none, so scripts need no check. */
    private static void writeRelated(JsonGenerator g, Finding f) throws IOException {
        g.writeArrayFieldStart("related");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            writeSpan(g, e.span());
            g.writeStringField("message", e.message());
            g.writeStringField("role", EvidenceNotes.role(e.role()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSpan(JsonGenerator g, Span span) throws IOException {
        g.writeStringField("file", span.file());
        g.writeNumberField("line", span.line());
        g.writeNumberField("column", span.column());
        g.writeNumberField("endLine", span.endLine());
        g.writeNumberField("endColumn", span.endColumn());
    }

    private static void writeSummary(JsonGenerator g, Report report) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("errors", report.count(Severity.ERROR));
        g.writeNumberField("warnings", report.count(Severity.WARNING));
        g.writeNumberField("notes", report.count(Severity.NOTE));
        g.writeNumberField("suppressed", report.suppressedCount());
        g.writeNumberField("baselined", report.baselined());
        g.writeNumberField("unreadableInputs", report.problems().size());
        g.writeNumberField("filesScanned", report.files().size());
        writeModuleCalls(g, report.moduleCalls());
        g.writeEndObject();
    }
}
