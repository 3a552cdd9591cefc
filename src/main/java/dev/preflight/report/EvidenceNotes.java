package dev.preflight.report;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every format names and shortens a finding's evidence, so that text, GitHub annotations, JUnit and Markdown
 * say the same thing: a label per role ({@code note}, {@code value}, {@code defined}) and the places in
 * {@code file:line:col: message} form, capped for short formats with "and N more".
 */
final class EvidenceNotes {
    /** What short formats (text, annotations) show of a finding's evidence; JSON, SARIF and Markdown show all. */
    static final int SHOWN = 3;

    private EvidenceNotes() {
    }

    /** The label short formats put before a piece of evidence: {@code = note:}, {@code = value:}, {@code = defined:}. */
    static String label(Evidence.Role role) {
        return switch (role) {
            case RELATED_RESOURCE -> "note";
            case VALUE_SOURCE -> "value";
            case DEFINITION -> "defined";
        };
    }

    /** The role as the JSON and SARIF contracts write it: {@code related-resource}, {@code value-source}, ... */
    static String role(Evidence.Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code file:line:col} of a span. */
    static String position(Span span) {
        return span.file() + ":" + span.line() + ":" + span.column();
    }

    /**
     * The lines short formats show under a finding: at most {@link #SHOWN} as {@code label: file:line:col: message},
     * then one "and N more" line.
     */
    static List<String> shortLines(Finding f) {
        List<String> out = new ArrayList<>();
        List<Evidence> all = f.evidence();
        for (int i = 0; i < Math.min(SHOWN, all.size()); i++) {
            Evidence e = all.get(i);
            out.add(label(e.role()) + ": " + position(e.span()) + ": " + e.message());
        }
        if (all.size() > SHOWN) {
            out.add(more(all.size() - SHOWN));
        }
        return out;
    }

    /** The line that stands for the evidence a short format leaves out. */
    static String more(int left) {
        return "note: and " + left + " more (all of them in --format json, sarif or markdown)";
    }
}
