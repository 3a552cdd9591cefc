package dev.preflight.engine;

import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import java.util.List;

/**
 * The findings the engine itself reports, described like rules so that listings, {@code explain}, SARIF and JUnit
 * treat them as any other rule.
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** Parse errors, input errors, and the two checks on suppressions. */
    public static List<RuleInfo> all() {
        return List.of(
                new RuleInfo(Scanner.PARSE_ERROR, Severity.ERROR, "Input could not be parsed",
                        "every other check of the file: nothing is checked in a file that does not parse",
                        Scanner.PARSE_HINT, "files that preflight cannot parse or load", List.of(),
                        "A Terraform file, tfvars file, plan or CloudFormation template that does not parse (or is "
                                + "not a valid template) is reported here and makes the scan exit with 2, whatever "
                                + "`--fail-on` says: a gate must not pass because it could not look."),
                new RuleInfo(Scanner.INPUT_ERROR, Severity.ERROR, "Input does not exist or cannot be read",
                        "a gate that passes because a mistyped path was never looked at",
                        "Check the path, make the file readable, or leave it out of the scan.",
                        "paths that preflight cannot find or read", List.of(),
                        "A path named on the command line or in `.preflight.yaml` (including a var file) that "
                                + "does not exist, a file that cannot be read or is not UTF-8 text, and a named file "
                                + "that is neither Terraform nor CloudFormation (unless `--skip-unrecognized`) are "
                                + "reported here and make the scan exit with 2, whatever `--fail-on` says."),
                new RuleInfo(Suppressions.WITHOUT_REASON, Severity.WARNING, "Suppression without a reason",
                        "suppressions nobody can review later", "Write why after the rule id.",
                        "preflight:ignore comments and Metadata entries should give a reason", List.of(),
                        "Write `# preflight:ignore rule-id why it does not apply`. In CloudFormation Metadata, "
                                + "give `reason:` next to `id:`. The suppression still works; this finding asks for "
                                + "the reason."),
                new RuleInfo(Suppressions.UNUSED, Severity.WARNING, "Suppression that silences nothing",
                        "stale suppressions that would hide a future finding",
                        "Remove the suppression or move it next to the finding.",
                        "preflight:ignore comments and Metadata entries should match a finding", List.of(),
                        "Reported only with `--report-unused-suppressions`. A suppression matches when the "
                                + "finding's rule id is the one named and the finding starts on a line it covers."));
    }
}
