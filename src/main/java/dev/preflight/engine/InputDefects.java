package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;

/**
 * Defects a loader found in an input it still read (a duplicate key), reported as findings of the engine's own
 * check named by the problem, not as parse errors: the file was read and checked, so it is not unreadable.
 */
final class InputDefects {
    private InputDefects() {
    }

    /** The finding for {@code defect}, found in {@code file} (null when the file is not at hand). */
    static Finding finding(Problem defect, SourceFile file) {
        RuleInfo check = BuiltInRules.info(defect.ruleId());
        // what is written at the span (the duplicate key) tells findings of one file apart without a line number,
        // so a baseline keeps them when lines move
        String written = file == null ? defect.message() : textAt(file, defect.where());
        return new Finding(defect.ruleId(), check == null ? Severity.ERROR : check.severity(), defect.message(),
                defect.where(), null, written, null, check == null ? null : check.fixHint());
    }

    private static String textAt(SourceFile file, Span span) {
        int start = file.offsetOf(span.line(), span.column());
        int end = file.offsetOf(span.endLine(), span.endColumn());
        return file.text().substring(start, Math.max(start, Math.min(end, file.text().length())));
    }
}
