package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule written with the DSL: metadata (id, severity, title, the AWS error it prevents, fix hint, doc) and a
 * {@link ResourceCheck}. Immutable: every setter returns a copy. Turns condition violations into findings.
 * A fix hint may be given per format ({@link #fix(Format, String)}), so that a finding in a CloudFormation template
 * says {@code ExecutionRoleArn:} and one in Terraform says {@code execution_role_arn =}; a finding takes the hint of
 * its resource's format, else the one of {@link #fix(String)}.
 *
 * <pre>{@code
 * RuleDefinition ownerTag = rule("acme-service-owner-tag")
 *         .severity(Severity.WARNING)
 *         .title("ECS service without an Owner tag")
 *         .prevents("services nobody answers for")
 *         .check(resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY)))
 *         .fix("Add an Owner tag naming the team that runs the service.");
 * }</pre>
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
    private final List<FactSource> facts;
    /** Declared kinds the rule reads beyond its selection (reached by a traversal). */
    private final List<DeclaredKind> alsoReads;
    /**
     * Built on first use and kept: its description is generated from the whole check, and the registry asks for
     * the id (through info) in every comparison of its sort. A race only builds an equal value twice.
     */
    private RuleInfo info;

    private RuleDefinition(String id, Severity severity, String title, String prevents, String fix,
                           Map<Format, String> fixes, String doc, ResourceCheck check, List<FactSource> facts,
                           List<DeclaredKind> alsoReads) {
        this.fixes = fixes;
        this.alsoReads = List.copyOf(alsoReads);
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.prevents = prevents;
        this.fix = fix;
        this.doc = doc;
        this.check = check;
        this.facts = facts;
    }

    /** Start a rule with a stable kebab-case id (it is a contract: suppressions and baselines name it). */
    public static RuleDefinition rule(String id) {
        if (!KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("rule ids are kebab-case: " + id);
        }
        return new RuleDefinition(id, Severity.ERROR, null, null, null, Map.of(), null, null, List.of(), List.of());
    }

    /** Default severity of the findings. */
    public RuleDefinition severity(Severity newSeverity) {
        return new RuleDefinition(id, newSeverity, title, prevents, fix, fixes, doc, check, facts, alsoReads);
    }

    /** One-line title for listings. */
    public RuleDefinition title(String newTitle) {
        return new RuleDefinition(id, severity, newTitle, prevents, fix, fixes, doc, check, facts, alsoReads);
    }

    /** The AWS error (or run-time failure) the rule prevents, as AWS prints it. */
    public RuleDefinition prevents(String awsError) {
        return new RuleDefinition(id, severity, title, awsError, fix, fixes, doc, check, facts, alsoReads);
    }

    /** What the body of the rule checks. */
    public RuleDefinition check(ResourceCheck newCheck) {
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, doc, newCheck, facts, alsoReads);
    }

    /**
     * How to fix a finding, in one or two sentences. Used for findings in a format that has no hint of its own
     * ({@link #fix(Format, String)}), and in listings and docs.
     */
    public RuleDefinition fix(String hint) {
        return new RuleDefinition(id, severity, title, prevents, hint, fixes, doc, check, facts, alsoReads);
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
        return new RuleDefinition(id, severity, title, prevents, fix, Map.copyOf(more), doc, check, facts, alsoReads);
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
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, markdown, check, facts, alsoReads);
    }

    /**
     * A dated table of AWS facts the rule judges by; {@code preflight explain} shows where and when it was read.
     * Repeatable: a rule may judge by several tables.
     */
    public RuleDefinition facts(FactSource source) {
        List<FactSource> more = new ArrayList<>(facts);
        more.add(source);
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, doc, check, List.copyOf(more), alsoReads);
    }

    /**
     * Declares kinds the rule reads through a traversal rather than its selection, so that their renamed
     * properties are in place when it runs (the kinds it selects need no mention).
     */
    public RuleDefinition reading(DeclaredKind... kinds) {
        List<DeclaredKind> more = new ArrayList<>(alsoReads);
        more.addAll(List.of(kinds));
        return new RuleDefinition(id, severity, title, prevents, fix, fixes, doc, check, facts, more);
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
            List<String> custom = check == null ? List.of() : check.selection().customKinds();
            built = new RuleInfo(id, severity, title, prevents, generalFix(), description(), kinds, doc, custom,
                    facts);
            info = built;
        }
        return built;
    }

    /**
     * The findings on {@code graph}. When the rule's code threw on some resources, throws
     * {@link RuleFailedException} carrying the findings on all the others.
     */
    @Override
    public List<Finding> check(ResourceGraph graph) {
        Objects.requireNonNull(check, () -> "rule " + id + " has no check");
        List<Finding> findings = new ArrayList<>();
        ConditionEvents events = check.evaluate(graph);
        for (ConditionEvent e : events.violations()) {
            findings.add(new Finding(id, severity, e.message(), e.where(), e.resource().address(),
                    e.propertyPath(), e.value(), fixHint(e.resource().format()), FindingEvidence.of(e)));
        }
        if (!events.failures().isEmpty()) {
            throw new RuleFailedException(id, findings, events.failures());
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

    /** The declared kinds the rule reads: their renamed properties must be in place before it runs. */
    @Override
    public List<DeclaredKind> declaredKinds() {
        if (check == null || check.selection().declaredKinds().isEmpty()) {
            return alsoReads;
        }
        List<DeclaredKind> all = new ArrayList<>(check.selection().declaredKinds());
        all.addAll(alsoReads);
        return all;
    }

    @Override
    public String toString() {
        return id + ": " + description();
    }
}
