package dev.preflight.engine;

import dev.preflight.source.Problem;
import java.util.List;

/** The exit-code contract: what a pre-commit hook or CI job reads from a scan. */
public final class Gate {
    /** Nothing at or above the threshold. */
    public static final int CLEAN = 0;
    /** At least one active finding at or above the threshold. */
    public static final int FINDINGS = 1;
    /** A usage error, or input that could not be read or parsed; wins over {@link #FINDINGS}. */
    public static final int USAGE_OR_INPUT_ERROR = 2;

    private Gate() {
    }

    /** The exit code of a scan; suppressed findings never count. */
    public static int exitCode(List<ReportedFinding> findings, List<Problem> problems, FailOn failOn) {
        if (!problems.isEmpty()) {
            return USAGE_OR_INPUT_ERROR;
        }
        for (ReportedFinding f : findings) {
            if (!f.suppressed() && failOn.fails(f.finding().severity())) {
                return FINDINGS;
            }
        }
        return CLEAN;
    }
}
