package dev.preflight.engine;

import dev.preflight.dsl.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rules on the class path, found with {@link ServiceLoader}: the built-in pack and any user jar that registers
 * {@link Rule} implementations the same way. Sorted by id so that output never depends on class-path order.
 */
public final class RuleRegistry {
    private final List<Rule> rules;

    private RuleRegistry(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule the class loader of this class can see. */
    public static RuleRegistry discover() {
        return discover(RuleRegistry.class.getClassLoader());
    }

    public static RuleRegistry discover(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
            found.add(rule);
        }
        found.sort(RuleRegistry::byId);
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).info().id().equals(found.get(i - 1).info().id())) {
                throw new IllegalStateException("two rules have the id " + found.get(i).info().id());
            }
        }
        return new RuleRegistry(found);
    }

    public static RuleRegistry of(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(RuleRegistry::byId);
        return new RuleRegistry(sorted);
    }

    /** Rules by id (not with {@code Comparator.comparing}, whose JDK lambda the class-data archive does not keep). */
    private static int byId(Rule a, Rule b) {
        return a.info().id().compareTo(b.info().id());
    }

    /**
     * This registry's rules and the users' {@code extra} ones. Refuses an id that a built-in rule or another user
     * rule has, and declared kinds that disagree about a property's name, naming the jars or files.
     */
    public RuleRegistry with(List<UserRule> extra) throws UserRuleException {
        if (extra.isEmpty()) {
            return this;
        }
        java.util.Map<String, Rule> byId = new java.util.HashMap<>();
        for (Rule r : rules) {
            byId.put(r.info().id(), r);
        }
        for (dev.preflight.dsl.RuleInfo r : BuiltInRules.all()) {
            byId.putIfAbsent(r.id(), null);
        }
        List<Rule> all = new ArrayList<>(rules);
        for (UserRule u : extra) {
            String id = u.info().id();
            if (byId.containsKey(id)) {
                Rule other = byId.get(id);
                throw new UserRuleException("rule id '" + id + "' from " + u.origin() + " is taken by "
                        + (other instanceof UserRule o ? "a rule from " + o.origin() : "a built-in rule")
                        + ": give the rule an id of its own (ids are a contract: suppressions and baselines name them)");
            }
            byId.put(id, u);
            all.add(u);
        }
        try {
            KindRenames.of(all);
        } catch (KindRenames.ConflictException e) {
            throw new UserRuleException(e.getMessage());
        }
        return of(all);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> find(String id) {
        return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
