package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule written with the DSL: metadata (id, severity, title, the AWS error it prevents, fix hint, doc) and a
 * {@link ResourceCheck}. Immutable: every setter returns a copy. Turns condition violations into engine findings.
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
    /**
     * Built on first use and kept: its description is generated from the whole check, and the registry asks for
     * the id (through info) in every comparison of its sort. A race only builds an equal value twice.
     */
    private RuleInfo info;

    private RuleDefinition(String id, Severity severity, String title, String prevents, String fix, String doc,
                           ResourceCheck check, List<FactSource> facts) {
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
        return new RuleDefinition(id, Severity.ERROR, null, null, null, null, null, List.of());
    }

    /** Default severity of the findings. */
    public RuleDefinition severity(Severity newSeverity) {
        return new RuleDefinition(id, newSeverity, title, prevents, fix, doc, check, facts);
    }

    /** One-line title for listings. */
    public RuleDefinition title(String newTitle) {
        return new RuleDefinition(id, severity, newTitle, prevents, fix, doc, check, facts);
    }

    /** The AWS error (or run-time failure) the rule prevents, as AWS prints it. */
    public RuleDefinition prevents(String awsError) {
        return new RuleDefinition(id, severity, title, awsError, fix, doc, check, facts);
    }

    /** What the body of the rule checks. */
    public RuleDefinition check(ResourceCheck newCheck) {
        return new RuleDefinition(id, severity, title, prevents, fix, doc, newCheck, facts);
    }

    /** How to fix a finding, in one or two sentences. */
    public RuleDefinition fix(String hint) {
        return new RuleDefinition(id, severity, title, prevents, hint, doc, check, facts);
    }

    /** The long documentation, in markdown. */
    public RuleDefinition doc(String markdown) {
        return new RuleDefinition(id, severity, title, prevents, fix, markdown, check, facts);
    }

    /**
     * A dated table of AWS facts the rule judges by; {@code preflight explain} shows where and when it was read.
     * Repeatable: a rule may judge by several tables.
     */
    public RuleDefinition facts(FactSource source) {
        List<FactSource> more = new ArrayList<>(facts);
        more.add(source);
        return new RuleDefinition(id, severity, title, prevents, fix, doc, check, List.copyOf(more));
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
            built = new RuleInfo(id, severity, title, prevents, fix, description(), kinds, doc, facts);
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
                    e.propertyPath(), e.value(), fix, FindingEvidence.of(e)));
        }
        return findings;
    }

    @Override
    public String toString() {
        return id + ": " + description();
    }
}
