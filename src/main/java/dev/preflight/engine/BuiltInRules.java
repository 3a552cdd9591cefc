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

    /** Parse errors, unreadable inputs, failed rules, and the two checks on suppressions. */
    public static List<RuleInfo> all() {
        return List.of(
                new RuleInfo(Scanner.PARSE_ERROR, Severity.ERROR, "Input could not be read or parsed",
                        "every other check of the file: nothing is checked in a file that does not parse",
                        "Fix the syntax error, or exclude the file.",
                        "files that preflight cannot read or parse", List.of(),
                        "A file that cannot be read or parsed is reported here and makes the scan exit with 2, "
                                + "whatever `--fail-on` says: a gate must not pass because it could not look."),
                new RuleInfo(RuleRunner.RULE_ERROR, Severity.ERROR, "A rule's code failed",
                        "a gate that passes because a rule could not look",
                        "Fix the rule (or report it, for a built-in one), or run without it (--skip-rule).",
                        "rules whose code throws on a resource", List.of(),
                        "A rule whose code throws (a bug, or a value shape it did not expect) cannot judge the "
                                + "resource. Its failure is reported at the resource, naming the rule and the jar "
                                + "or rule file it came from, and makes the scan exit with 2, whatever `--fail-on` "
                                + "says. The rule's findings on other resources, and every other rule's, are kept."),
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
