package dev.preflight.cli;

import dev.preflight.report.ReportFormat;
import java.nio.file.Path;

/** One {@code --format}, with the {@code --output} file that followed it, or null for standard output. */
record OutputTarget(ReportFormat format, Path file) {
}
