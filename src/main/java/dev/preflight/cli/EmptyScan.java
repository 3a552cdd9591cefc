package dev.preflight.cli;

import dev.preflight.engine.Gate;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scan that found no Terraform or CloudFormation at all does ({@code --on-empty}). It always says so on
 * stderr, since a mistyped path or a too-wide exclude looks just like a clean scan otherwise; with {@code fail},
 * the default in CI ({@code CI=true}), it is an input error, so that such a gate cannot pass forever.
 */
final class EmptyScan {
    private final boolean fail;
    private final boolean ci;

    private EmptyScan(boolean fail, boolean ci) {
        this.fail = fail;
        this.ci = ci;
    }

    /** The behaviour {@code option} ({@code fail}, {@code pass}, or null for the default) asks for. */
    static EmptyScan of(String option, Map<String, String> env) throws UsageException {
        boolean ci = "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
        if (option == null) {
            return new EmptyScan(ci, ci);
        }
        return switch (option.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> new EmptyScan(true, ci);
            case "pass" -> new EmptyScan(false, ci);
            default -> throw new UsageException("--on-empty takes fail or pass, not '" + option + "'");
        };
    }

    /** Says that nothing was found in {@code named} and returns the exit code. */
    int report(PrintStream err, List<String> named, List<String> excludes) {
        err.println("preflight: nothing to check: no Terraform or CloudFormation files in " + String.join(" ", named)
                + (excludes.isEmpty() ? "" : " (excluding " + String.join(", ", excludes) + ")"));
        if (fail) {
            err.println("preflight: failing (--on-empty fail" + (ci ? ", the default when CI=true" : "")
                    + "); pass --on-empty pass if an empty scan is expected");
            return Gate.USAGE_OR_INPUT_ERROR;
        }
        err.println("preflight: passing (--on-empty pass" + (ci ? "" : ", the default outside CI") + ")");
        return Gate.CLEAN;
    }
}
