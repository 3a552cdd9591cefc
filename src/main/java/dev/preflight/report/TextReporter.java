package dev.preflight.report;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ModuleCoverage;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Compiler-style text for people and editors: {@code path:line:col: severity[rule-id] message}, the source line
 * with the span underlined, the finding's evidence ({@code = note:} another resource it joins, {@code = value:} where
 * a deciding value came from, {@code = defined:} where a module's resource is written; the first one with its line
 * underlined, at most {@link EvidenceNotes#SHOWN} of them, so that a pre-commit run stays short), the fix hint, and
 * a summary line. Editors and terminals make the first line a link.
 * Colour is decided by the caller (only on a terminal, never with NO_COLOR), so this class never looks at the
 * environment.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31;1m";
    private static final String YELLOW = "\u001b[33;1m";
    private static final String CYAN = "\u001b[36;1m";
    private static final String BLUE = "\u001b[34;1m";
    private static final String GREEN = "\u001b[32;1m";

    private final boolean color;

    /** A reporter that colours its output when {@code color} is true. */
    public TextReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        for (ReportedFinding r : report.findings()) {
            if (!r.suppressed()) {
                writeFinding(s, r.finding(), report);
            }
        }
        s.append(summary(report)).append('\n');
        String modules = modulesNotChecked(report.moduleCalls());
        if (modules != null) {
            s.append(modules).append('\n');
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void writeFinding(StringBuilder s, Finding f, Report report) {
        SourceFile file = report.files().get(f.span().file());
        Span at = f.span();
        s.append(paint(BOLD, at.file() + ":" + at.line() + ":" + at.column() + ":")).append(' ')
                .append(paint(colorOf(f.severity()), f.severity().label() + "[" + f.ruleId() + "]")).append(' ')
                .append(f.message());
        if (f.resource() != null && !f.message().contains(f.resource())) {
            s.append(" (").append(f.resource()).append(')');
        }
        s.append('\n');
        String gutter = " ".repeat(Integer.toString(at.line()).length() + 1);
        writeSource(s, file, at, gutter, colorOf(f.severity()));
        writeEvidence(s, f, report, gutter);
        if (f.fixHint() != null && !f.fixHint().isBlank()) {
            s.append(gutter).append(' ').append(paint(GREEN, "= fix:")).append(' ').append(f.fixHint()).append('\n');
        }
    }

    private void writeSource(StringBuilder s, SourceFile file, Span at, String gutter, String color) {
        if (file != null && at.line() <= file.lineCount()) {
            String line = file.lineText(at.line());
            s.append(paint(BLUE, gutter.substring(Integer.toString(at.line()).length()) + at.line() + " |"))
                    .append(' ').append(line).append('\n');
            s.append(paint(BLUE, gutter + " |")).append(' ').append(paint(color, underline(line, at))).append('\n');
        }
    }

    /** The evidence, one line each; the first one's source line underlined beneath it, as the finding's own. */
    private void writeEvidence(StringBuilder s, Finding f, Report report, String gutter) {
        List<Evidence> all = f.evidence();
        for (int i = 0; i < Math.min(EvidenceNotes.SHOWN, all.size()); i++) {
            Evidence e = all.get(i);
            s.append(gutter).append(' ').append(paint(BLUE, "= " + EvidenceNotes.label(e.role()) + ":")).append(' ')
                    .append(paint(BOLD, EvidenceNotes.position(e.span()) + ":")).append(' ').append(e.message())
                    .append('\n');
            if (i == 0) {
                String inner = gutter + "   " + " ".repeat(Math.max(0,
                        Integer.toString(e.span().line()).length() - gutter.length() + 1));
                writeSource(s, report.files().get(e.span().file()), e.span(), inner, BLUE);
            }
        }
        if (all.size() > EvidenceNotes.SHOWN) {
            s.append(gutter).append(' ').append(paint(BLUE, "= " + EvidenceNotes.more(all.size() - EvidenceNotes.SHOWN)))
                    .append('\n');
        }
    }

    /**
     * Spaces (and the line's own tabs, so that the carets line up) up to the span, then carets under it. A span
     * over several lines is underlined on its first line, to the end of the text there, and says where it ends.
     * When its first line holds only an opening bracket (a JSON template's resource: {@code "Task": {}), the
     * carets start at the line's text instead, under the key the bracket belongs to, rather than one lone caret.
     */
    static String underline(String line, Span at) {
        int start = Math.min(at.column() - 1, line.length());
        boolean multiLine = at.endLine() > at.line();
        int end = multiLine ? contentEnd(line) : Math.min(at.endColumn() - 1, line.length());
        if (multiLine && end - start <= 1 && start < line.length() && "{[(".indexOf(line.charAt(start)) >= 0) {
            start = Math.min(start, line.length() - line.stripLeading().length());
        }
        StringBuilder u = new StringBuilder();
        for (int i = 0; i < start; i++) {
            u.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        u.append("^".repeat(Math.max(1, end - start)));
        if (multiLine) {
            u.append(" (through line ").append(at.endLine()).append(')');
        }
        return u.toString();
    }

    /** The end of a line's text, without trailing blanks. */
    private static int contentEnd(String line) {
        return line.stripTrailing().length();
    }

    static String summary(Report report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long notes = report.count(Severity.NOTE);
        String files = plural(report.files().size(), "file");
        StringBuilder s = new StringBuilder("preflight: ");
        if (errors + warnings + notes == 0) {
            s.append("no findings in ").append(files);
        } else {
            s.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning")).append(", ")
                    .append(plural(notes, "note")).append(" in ").append(files);
        }
        long suppressed = report.suppressedCount();
        if (suppressed > 0 || report.baselined() > 0) {
            s.append(" (").append(suppressed).append(" suppressed, ").append(report.baselined())
                    .append(" in the baseline)");
        }
        return s.toString();
    }

    /**
     * One line when module calls were left unknown: their findings are missing from the report, which must not
     * pass for a clean bill.
     */
    static String modulesNotChecked(ModuleCoverage modules) {
        int total = modules.notCheckedTotal();
        if (total == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder(plural(total, "module call")).append(" not checked: ");
        for (int i = 0; i < modules.notChecked().size(); i++) {
            ModuleCoverage.NotChecked c = modules.notChecked().get(i);
            s.append(i == 0 ? "" : ", ").append(modules.notChecked().size() == 1 ? "" : c.count() + " ")
                    .append(c.text());
        }
        return s.append("; run `terraform init` or scan a plan").toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
