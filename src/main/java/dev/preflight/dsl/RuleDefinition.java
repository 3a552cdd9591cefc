package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule written with the DSL: metadata (id, severity, title, the AWS error it prevents, fix hint, doc) and a
 * {@link ResourceCheck}. Immutable: every setter returns a copy. Turns condition violations into engine findings.
 *
 * <p>A fix hint may be given per format ({@link #fix(Format, String)}), so that a finding in a CloudFormation
 * template says {@code ExecutionRoleArn:} and one in Terraform says {@code execution_role_arn =}; a finding takes
 * the hint of its resource's format, else the one of {@link #fix(String)}.
 */
public final class RuleDefinition implements Rule {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String prevents;
    private final String fix;
    /** Hints in a format's own syntax, by format; empty when the rule gave only {@link #fix(String)}. */
    private final Map<Format, String> fixes;
    private final String doc;
    private final ResourceCheck check;
    /**
     * Built on first use and kept: its description is generated from the whole check, and the registry asks for
     * the id (through info) in every comparison of its sort. A race only builds an equal value twice.
     */
    private RuleInfo info;

    private RuleDefinition(String id, Severity severity, String title, String prevents, String fix,
                           Map<Format, String> fixes, String doc, ResourceCheck check) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.prevents = prevents;
        this.fix = fix;
        this.fixes = fixes;
        this.doc = doc;
        this.check = check;
    }

    /** Start a rule with a stable kebab-case id (it is a contract: suppressions and baselines name it). */
    public static RuleDefinition rule(String id) {
        if (!KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("rule ids are kebab-case: " + id);
        }
        return new RuleDefinition(id, Severity.ERROR, null, null, null, Map.of(), null, null);
    }

    /** Default severity of the findings. */
    public RuleDefinition severity(Severity newSeverity) {
        return new RuleDefinition(id, newSeverity, title, prevents, fix, fixes, doc, check);
    }

    /** One-line title for listings. */
    public RuleDefinition title(String newTitle) {
        return new RuleDefinition(id, severity, newTitle, prevents, fix, fixes, doc, check);
    }

    /** The AWS error (or run-time failure) the rule prevents, as AWS prints it. */
    public RuleDefinition prevents(String awsError) {
        return new RuleDefinition(id, severity, title, awsError, fix, fixes, doc, check);
    }

    /** What the body of the rule checks. */
    public RuleDefinition check(ResourceCheck newCheck) {
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, doc, newCheck);
    }

    /**
     * How to fix a finding, in one or two sentences. Used for findings in a format that has no hint of its own
     * ({@link #fix(Format, String)}), and in listings and docs.
     */
    public RuleDefinition fix(String hint) {
        return new RuleDefinition(id, severity, title, prevents, hint, fixes, doc, check);
    }

    /**
     * How to fix a finding in {@code format}, in that format's own syntax (Terraform's attribute names and blocks,
     * CloudFormation's property names). Findings on resources of that format show this hint instead of the
     * general one.
     */
    public RuleDefinition fix(Format format, String hint) {
        Map<Format, String> more = new EnumMap<>(Format.class);
        more.putAll(fixes);
        more.put(Objects.requireNonNull(format), Objects.requireNonNull(hint));
        return new RuleDefinition(id, severity, title, prevents, fix, Map.copyOf(more), doc, check);
    }

    /**
     * The hint for a finding in {@code format}: its own, else the general one. Without a general hint, listings
     * show each format's, labelled.
     */
    public String fixHint(Format format) {
        String own = format == null ? null : fixes.get(format);
        return own != null ? own : fix;
    }

    /** The long documentation, in markdown. */
    public RuleDefinition doc(String markdown) {
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, markdown, check);
    }

    /** The generated description of the check, e.g. "resources of kind ECR_REPOSITORY should ...". */
    public String description() {
        return check == null ? "" : check.description();
    }

    @Override
    public RuleInfo info() {
        RuleInfo built = info;
        if (built == null) {
            List<Kind> kinds = check == null ? List.of() : List.copyOf(check.selection().kinds());
            built = new RuleInfo(id, severity, title, prevents, generalFix(), description(), kinds, doc);
            info = built;
        }
        return built;
    }

    @Override
    public List<Finding> check(ResourceGraph graph) {
        Objects.requireNonNull(check, () -> "rule " + id + " has no check");
        List<Finding> findings = new ArrayList<>();
        for (ConditionEvent e : check.evaluate(graph).violations()) {
            findings.add(new Finding(id, severity, e.message(), e.where(), e.resource().address(),
                    e.propertyPath(), e.value(), fixHint(e.resource().format()), e.evidence()));
        }
        return findings;
    }

    /** The hint for listings, docs and SARIF's rule help: the general one, else each format's, labelled. */
    private String generalFix() {
        if (fix != null || fixes.isEmpty()) {
            return fix;
        }
        StringBuilder s = new StringBuilder();
        for (Format f : Format.values()) {
            String hint = fixes.get(f);
            if (hint != null) {
                s.append(s.length() == 0 ? "" : " ").append(f == Format.TERRAFORM ? "Terraform: " : "CloudFormation: ")
                        .append(hint);
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return id + ": " + description();
    }
}
