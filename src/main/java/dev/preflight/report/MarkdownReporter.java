package dev.preflight.report;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A report for people: Markdown for a pull-request comment or a GitHub job summary. Counts by severity, a table of
 * the active findings linking each to its line, each finding's evidence and fix in a fold, and a Mermaid picture of
 * the part of each stack that has findings. Links are {@code linkBase + path#Lline}: with an empty base they are
 * relative to the repository root; the CLI gives the commit's blob URL on GitHub Actions. The pictures are drawn by
 * the caller (reporters never see the graph), keyed by the stack they show.
 */
public final class MarkdownReporter implements Reporter {
    private final String linkBase;
    private final Map<String, String> pictures;

    /** Links relative to the repository root, no pictures. */
    public MarkdownReporter() {
        this("", Map.of());
    }

    /** Links under {@code linkBase} (empty or ending in a slash), and Mermaid {@code pictures} by stack. */
    public MarkdownReporter(String linkBase, Map<String, String> pictures) {
        this.linkBase = linkBase;
        this.pictures = pictures;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("## ").append(TextReporter.summary(report)).append("\n\n");
        s.append("| severity | findings |\n|---|---:|\n");
        for (Severity sev : Severity.values()) {
            s.append("| ").append(icon(sev)).append(' ').append(sev.label()).append(" | ").append(report.count(sev))
                    .append(" |\n");
        }
        List<ReportedFinding> active = report.findings().stream().filter(r -> !r.suppressed()).toList();
        if (!active.isEmpty()) {
            s.append("\n### Findings\n\n| severity | rule | where | resource | message |\n|---|---|---|---|---|\n");
            for (ReportedFinding r : active) {
                Finding f = r.finding();
                s.append("| ").append(icon(f.severity())).append(' ').append(f.severity().label()).append(" | `")
                        .append(f.ruleId()).append("` | ").append(link(report, f.span())).append(" | ")
                        .append(f.resource() == null ? "" : "`" + f.resource().replace("`", "'").replace("|", "\\|") + "`").append(" | ")
                        .append(cell(f.message())).append(" |\n");
            }
            s.append("\n### Evidence and fixes\n");
            for (ReportedFinding r : active) {
                writeDetails(s, report, r.finding());
            }
        }
        for (Map.Entry<String, String> picture : pictures.entrySet()) {
            s.append("\n### The stack around the findings: `").append(cell(picture.getKey())).append("`\n\n")
                    .append("```mermaid\n").append(picture.getValue()).append("```\n");
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void writeDetails(StringBuilder s, Report report, Finding f) {
        s.append("\n<details><summary><code>").append(f.ruleId()).append("</code> at ")
                .append(html(position(f.span()))).append(": ").append(html(f.message())).append("</summary>\n\n");
        for (Evidence e : f.evidence()) {
            s.append("- ").append(EvidenceNotes.label(e.role())).append(": ").append(link(report, e.span()))
                    .append(' ').append(text(e.message())).append('\n');
        }
        if (f.fixHint() != null && !f.fixHint().isBlank()) {
            s.append(f.evidence().isEmpty() ? "" : "\n").append("**Fix:** ").append(text(f.fixHint())).append('\n');
        }
        s.append("\n</details>\n");
    }

    private String link(Report report, Span span) {
        String path = report.repositoryPath(span.file());
        return "[" + text(position(span)) + "](" + linkBase + SarifReporter.uriOf(path) + "#L" + span.line() + ")";
    }

    private static String position(Span span) {
        return span.file() + ":" + span.line();
    }

    private static String icon(Severity s) {
        return switch (s) {
            case ERROR -> "\u274c";
            case WARNING -> "\u26a0\ufe0f";
            case NOTE -> "\u2139\ufe0f";
        };
    }

    /** Text inside a table cell: no line breaks, no cell separators. */
    private static String cell(String text) {
        return text(text).replace("|", "\\|");
    }

    /** Plain text in Markdown: what would start markup or HTML is escaped, line breaks become spaces. */
    private static String text(String raw) {
        StringBuilder s = new StringBuilder();
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '\n', '\r' -> s.append(' ');
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '*', '_', '`', '[', ']', '\\' -> s.append('\\').append(c);
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Text inside HTML (a fold's summary), where Markdown escapes would show. */
    private static String html(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('\n', ' ');
    }
}
