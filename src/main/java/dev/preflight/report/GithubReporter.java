package dev.preflight.report;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...::message}), which the runner turns into annotations on
 * the pull request's diff, with the finding's evidence as lines of the annotation's text. Suppressed findings are
 * left out: an annotation cannot be marked as accepted.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        for (ReportedFinding r : report.findings()) {
            if (r.suppressed()) {
                continue;
            }
            Finding f = r.finding();
            s.append("::").append(command(f)).append(' ')
                    .append("file=").append(property(report.repositoryPath(f.span().file())))
                    .append(",line=").append(f.span().line())
                    .append(",col=").append(f.span().column())
                    .append(",endLine=").append(f.span().endLine())
                    .append(",endColumn=").append(f.span().endColumn())
                    .append(",title=").append(property("preflight " + f.ruleId()))
                    .append("::").append(data(text(f, report)))
                    .append('\n');
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The message, the evidence (one line each, capped), then the fix: what the annotation shows on the diff. */
    private static String text(Finding f, Report report) {
        StringBuilder s = new StringBuilder(f.message());
        for (String line : EvidenceNotes.shortLines(repositoryPaths(f, report))) {
            s.append('\n').append(line);
        }
        if (f.fixHint() != null) {
            s.append('\n').append(f.fixHint());
        }
        return s.toString();
    }

    /** Annotations name files from the repository root, the evidence too. */
    private static Finding repositoryPaths(Finding f, Report report) {
        if (report.sourceRootPrefix().isEmpty()) {
            return f;
        }
        List<Evidence> moved = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            Span s = e.span();
            moved.add(new Evidence(new Span(report.repositoryPath(s.file()),
                    s.line(), s.column(), s.endLine(), s.endColumn()), e.message(), e.role()));
        }
        return new Finding(f.ruleId(), f.severity(), f.message(), f.span(), f.resource(), f.propertyPath(), f.value(),
                f.fixHint(), moved);
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** A command's message: the runner decodes %25, %0D and %0A. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and ':' and ',' too, which would end the value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
