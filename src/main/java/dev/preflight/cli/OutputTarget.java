package dev.preflight.cli;

import dev.preflight.report.ReportFormat;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code --format}, with the {@code --output} file that followed it, or null for standard output. */
record OutputTarget(ReportFormat format, Path file) {

    /**
     * The {@code --format}s of a scan in the order given, each with the {@code --output} that follows it: an
     * {@code --output} belongs to the nearest {@code --format} before it, which must not have one yet. Empty when no
     * {@code --format} was given.
     */
    static List<OutputTarget> inOrder(ParsedArgs args) throws UsageException {
        List<OutputTarget> targets = new ArrayList<>();
        for (int i = 0; i < args.optionCount(); i++) {
            String option = args.optionAt(i);
            String value = args.valueAt(i);
            if ("format".equals(option)) {
                targets.add(new OutputTarget(format(value), null));
            } else if ("output".equals(option)) {
                int last = targets.size() - 1;
                if (last < 0 || targets.get(last).file() != null) {
                    throw new UsageException("--output " + value + " must follow the --format it is for");
                }
                targets.set(last, new OutputTarget(targets.get(last).format(), file(value)));
            }
        }
        return targets;
    }

    private static Path file(String name) throws UsageException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException("--output: " + e.getMessage());
        }
    }

    private static ReportFormat format(String name) throws UsageException {
        try {
            return ReportFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
