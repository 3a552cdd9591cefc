package dev.preflight.report;

import dev.preflight.dsl.Finding;
import dev.preflight.engine.ReportedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GitHub Actions workflow commands ({@code ::error file=...::message}), which the runner turns into annotations on
 * the pull request's diff. Suppressed findings are left out: an annotation cannot be marked as accepted.
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
                    .append("::").append(data(f.fixHint() == null ? f.message()
                            : f.message() + "\n" + f.fixHint()))
                    .append('\n');
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
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
