package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.source.Span;

/**
 * A request, written in the source, to silence one rule on a range of lines of one file: an inline
 * {@code preflight:ignore} comment or a CloudFormation resource's {@code Metadata.preflight.ignore} entry.
 * {@code where} is the comment or entry itself (unused or reason-less suppressions are reported there);
 * {@code firstLine..lastLine} is what it covers. {@code reason} is null when none was written.
 */
public record Suppression(String ruleId, String reason, Span where, int firstLine, int lastLine, Origin origin) {

    /** Where a suppression was written. */
    public enum Origin {
        COMMENT, TEMPLATE_METADATA
    }

    /** True when this suppression silences {@code finding}. */
    public boolean covers(Finding finding) {
        Span at = finding.span();
        return ruleId.equals(finding.ruleId()) && at.file().equals(where.file())
                && at.line() >= firstLine && at.line() <= lastLine;
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
