package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule written with the DSL: metadata (id, severity, title, the AWS error it prevents, fix hint, doc) and a
 * {@link ResourceCheck}. Immutable: every setter returns a copy. Turns condition violations into findings.
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

    private RuleDefinition(String id, Severity severity, String title, String prevents, String fix, String doc,
                           ResourceCheck check, List<FactSource> facts, List<DeclaredKind> alsoReads) {
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
        return new RuleDefinition(id, Severity.ERROR, null, null, null, null, null, List.of(), List.of());
    }

    /** Default severity of the findings. */
    public RuleDefinition severity(Severity newSeverity) {
        return new RuleDefinition(id, newSeverity, title, prevents, fix, doc, check, facts, alsoReads);
    }

    /** One-line title for listings. */
    public RuleDefinition title(String newTitle) {
        return new RuleDefinition(id, severity, newTitle, prevents, fix, doc, check, facts, alsoReads);
    }

    /** The AWS error (or run-time failure) the rule prevents, as AWS prints it. */
    public RuleDefinition prevents(String awsError) {
        return new RuleDefinition(id, severity, title, awsError, fix, doc, check, facts, alsoReads);
    }

    /** What the body of the rule checks. */
    public RuleDefinition check(ResourceCheck newCheck) {
        return new RuleDefinition(id, severity, title, prevents, fix, doc, newCheck, facts, alsoReads);
    }

    /** How to fix a finding, in one or two sentences. */
    public RuleDefinition fix(String hint) {
        return new RuleDefinition(id, severity, title, prevents, hint, doc, check, facts, alsoReads);
    }

    /** The long documentation, in markdown. */
    public RuleDefinition doc(String markdown) {
        return new RuleDefinition(id, severity, title, prevents, fix, markdown, check, facts, alsoReads);
    }

    /**
     * A dated table of AWS facts the rule judges by; {@code preflight explain} shows where and when it was read.
     * Repeatable: a rule may judge by several tables.
     */
    public RuleDefinition facts(FactSource source) {
        List<FactSource> more = new ArrayList<>(facts);
        more.add(source);
        return new RuleDefinition(id, severity, title, prevents, fix, doc, check, List.copyOf(more), alsoReads);
    }

    /**
     * Declares kinds the rule reads through a traversal rather than its selection, so that their renamed
     * properties are in place when it runs (the kinds it selects need no mention).
     */
    public RuleDefinition reading(DeclaredKind... kinds) {
        List<DeclaredKind> more = new ArrayList<>(alsoReads);
        more.addAll(List.of(kinds));
        return new RuleDefinition(id, severity, title, prevents, fix, doc, check, facts, more);
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
            built = new RuleInfo(id, severity, title, prevents, fix, description(), kinds, doc, custom, facts);
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
                    e.propertyPath(), e.value(), fix, FindingEvidence.of(e)));
        }
        if (!events.failures().isEmpty()) {
            throw new RuleFailedException(id, findings, events.failures());
        }
        return findings;
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
