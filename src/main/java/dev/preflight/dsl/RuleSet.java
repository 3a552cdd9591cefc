package dev.preflight.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules checked together: one {@link AssertionError} lists the violations of all of them. The built-in pack is one
 * ({@code dev.preflight.check.BuiltInRules.all()}); make your own with {@link #of}.
 *
 * <pre>{@code
 * RuleSet policy = RuleSet.of(new ServiceOwnerTag(), new BucketNamePrefix());
 * policy.check(infrastructure);
 * BuiltInRules.all().without("ecr-tag-mutable").check(infrastructure);
 * }</pre>
 */
public final class RuleSet implements Iterable<Rule> {
    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The given rules, in order. */
    public static RuleSet of(Rule... rules) {
        return new RuleSet(Arrays.asList(rules));
    }

    /** The given rules, in order. */
    public static RuleSet of(Collection<? extends Rule> rules) {
        return new RuleSet(new ArrayList<>(rules));
    }

    /** These rules and {@code more}. */
    public RuleSet and(Rule... more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(Arrays.asList(more));
        return new RuleSet(all);
    }

    /** These rules without the ones with the given ids. */
    public RuleSet without(String... ids) {
        Set<String> left = Set.of(ids);
        List<Rule> kept = new ArrayList<>();
        for (Rule r : rules) {
            if (!left.contains(r.info().id())) {
                kept.add(r);
            }
        }
        return new RuleSet(kept);
    }

    /** The rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public Iterator<Rule> iterator() {
        return rules.iterator();
    }

    /** The violations of every rule (see {@link Rule#evaluate}), then the inputs that could not be read. */
    public List<Finding> evaluate(Infrastructure infrastructure) {
        Set<Finding> all = new LinkedHashSet<>();
        for (Rule r : rules) {
            all.addAll(r.evaluate(infrastructure));
        }
        all.addAll(infrastructure.unreadable());
        return new ArrayList<>(all);
    }

    /**
     * Fails with one {@link AssertionError} listing every violation of every rule as {@code file:line:col message};
     * returns quietly when there is none.
     */
    public void check(Infrastructure infrastructure) {
        List<Finding> violations = evaluate(infrastructure);
        if (!violations.isEmpty()) {
            throw new AssertionError(Violations.report(describe(), violations));
        }
    }

    /** "Rule 'id'" for one rule, "Rules 'a', 'b'" for several. */
    private String describe() {
        List<String> ids = new ArrayList<>();
        for (Rule r : rules) {
            ids.add("'" + r.info().id() + "'");
        }
        if (ids.size() == 1) {
            return "Rule " + ids.get(0) + " (" + rules.get(0).info().description() + ")";
        }
        return ids.isEmpty() ? "No rule" : ids.size() > 5 ? ids.size() + " rules" : "Rules " + String.join(", ", ids);
    }

    @Override
    public String toString() {
        return describe();
    }
}
