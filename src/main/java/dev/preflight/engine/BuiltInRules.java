package dev.preflight.engine;

import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.source.Problem;
import java.util.List;

/**
 * The findings the engine itself reports, described like rules so that listings, {@code explain}, SARIF and JUnit
 * treat them as any other rule.
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    private static final String DUPLICATE_KEY_DOC = String.join("\n",
            "A key written twice in one mapping of a CloudFormation template, YAML or JSON: two resources with one",
            "logical id, two outputs or properties with one name, or a `Tags` item missing its `- ` so that `Key` and",
            "`Value` repeat.",
            "",
            "The file is read as CloudFormation reads it: the last value wins and the earlier one is ignored, so the",
            "rest of the template is checked as it would deploy. The duplicate itself is an error finding of this",
            "check (not a `parse-error`: the file was read): `aws cloudformation deploy` and `package` refuse the",
            "template (\"found duplicate key\"), cfn-lint reports E0000, and a change made to the ignored copy",
            "deploys nothing.",
            "",
            "Sources: aws/aws-cli issue 2404 (`validate-template` and `update-stack` accept a duplicate key in",
            "silence); aws-cloudformation/cfn-lint issue 35 (the last occurrence is the one deployed);",
            "brentley/container-demo issue 11 (`aws cloudformation deploy`: \"found duplicate key\").",
            "",
            "Suppress with `# preflight:ignore duplicate-key reason` on the line of the second key (YAML).");

    /** The engine's own check {@code id}, or null when it is none of them. */
    public static RuleInfo info(String id) {
        for (RuleInfo r : all()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Parse errors, input errors, duplicate keys, failed rules, and the two checks on suppressions. */
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
                new RuleInfo(Problem.DUPLICATE_KEY, Severity.ERROR, "Key written twice in one mapping of a template",
                        "`aws cloudformation deploy`/`package` failing with \"found duplicate key\", cfn-lint's"
                                + " E0000, and a change that deploys nothing because another copy of the key wins",
                        "Remove or rename one of the two keys (two resources, outputs or properties with one name,"
                                + " or a list item missing its \"- \").",
                        "mappings in CloudFormation templates should not repeat a key", List.of(),
                        DUPLICATE_KEY_DOC),
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
