package dev.preflight.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format. Implementations hold no state, so one instance may write many reports. */
public interface Reporter {
    /** Writes {@code report} to {@code out} (UTF-8), without closing it. */
    void write(Report report, OutputStream out) throws IOException;
}
