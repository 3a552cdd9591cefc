package dev.preflight.rulefile;

import dev.preflight.dsl.DeclaredKind;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Tags;
import dev.preflight.dsl.Traversal;
import dev.preflight.dsl.Truth;
import dev.preflight.graph.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The conditions of a rule file, each compiled into the DSL's own predicate (so its description and its unknown
 * handling are the DSL's). Each item names one subject: {@code property}, {@code tag}, {@code follow},
 * {@code referenced_by}, {@code not} or {@code any_of}; see {@code docs/rule-files.md}.
 */
final class Clauses {
    private static final Set<String> PROPERTY_KEYS = Set.of("property", "present", "equals", "one_of", "default",
            "matches", "at_least", "at_most");
    private static final Set<String> TAG_KEYS = Set.of("tag", "present", "equals", "one_of", "matches");
    private static final Set<String> FOLLOW_KEYS = Set.of("follow", "should");
    private static final Set<String> REFERENCED_KEYS = Set.of("referenced_by", "present", "should");
    private static final Set<String> REFERRER_KEYS = Set.of("kind", "type", "property");
    private static final List<String> SUBJECTS = List.of("property", "tag", "follow", "referenced_by", "not",
            "any_of");

    /** A compiled condition, and the property a violation points at. */
    record Clause(ResourcePredicate predicate, String path) {
    }

    private final YamlTree tree;
    private final Map<String, DeclaredKind> declared;
    private final Set<DeclaredKind> kindsRead = new LinkedHashSet<>();

    Clauses(YamlTree tree, Map<String, DeclaredKind> declared) {
        this.tree = tree;
        this.declared = declared;
    }

    /** The declared kinds the clauses reach through {@code referenced_by}. */
    Set<DeclaredKind> kindsRead() {
        return kindsRead;
    }

    Clause clause(Node node, String key) throws RuleFileException {
        Set<String> all = new LinkedHashSet<>(PROPERTY_KEYS);
        all.addAll(TAG_KEYS);
        all.addAll(FOLLOW_KEYS);
        all.addAll(REFERENCED_KEYS);
        all.addAll(SUBJECTS);
        Map<String, Node> m = tree.map(node, key, all);
        List<String> subjects = new ArrayList<>();
        for (String s : SUBJECTS) {
            if (m.containsKey(s)) {
                subjects.add(s);
            }
        }
        if (subjects.size() != 1) {
            throw tree.error(node, key, "a condition names exactly one of " + String.join(", ", SUBJECTS)
                    + (subjects.isEmpty() ? "" : ", not " + String.join(" and ", subjects)));
        }
        return switch (subjects.get(0)) {
            case "property" -> property(node, tree.map(node, key, PROPERTY_KEYS), key);
            case "tag" -> tag(node, tree.map(node, key, TAG_KEYS), key);
            case "follow" -> follow(tree.map(node, key, FOLLOW_KEYS), key);
            case "referenced_by" -> referencedBy(node, tree.map(node, key, REFERENCED_KEYS), key);
            case "not" -> not(tree.map(node, key, Set.of("not")), key);
            default -> anyOf(tree.map(node, key, Set.of("any_of")), key);
        };
    }

    private Clause property(Node node, Map<String, Node> m, String key) throws RuleFileException {
        String path = tree.text(m.get("property"), key + ".property");
        String op = operator(node, m, key, List.of("present", "equals", "one_of", "matches", "at_least", "at_most"),
                Set.of("at_least", "at_most"));
        if (m.containsKey("default") && !op.equals("equals") && !op.equals("one_of")) {
            throw tree.error(m.get("default"), key + ".default", "goes with 'equals' or 'one_of' only");
        }
        String dflt = m.containsKey("default") ? tree.text(m.get("default"), key + ".default") : null;
        ResourcePredicate p = switch (op) {
            case "present" -> present(Predicates.have(path), m.get("present"), key);
            case "equals" -> Predicates.haveValue(path, dflt, tree.text(m.get("equals"), key + ".equals"));
            case "one_of" -> Predicates.haveValue(path, dflt, tree.texts(m.get("one_of"), key + ".one_of")
                    .toArray(String[]::new));
            case "matches" -> Predicates.haveValueMatching(path, regex(m.get("matches"), key + ".matches"));
            default -> Predicates.haveNumberBetween(path, number(m.get("at_least"), key + ".at_least"),
                    number(m.get("at_most"), key + ".at_most"));
        };
        return new Clause(p, path);
    }

    private Clause tag(Node node, Map<String, Node> m, String key) throws RuleFileException {
        String tag = tree.text(m.get("tag"), key + ".tag");
        String op = operator(node, m, key, List.of("present", "equals", "one_of", "matches"), Set.of());
        ResourcePredicate p = switch (op) {
            case "present" -> present(Predicates.haveTag(tag), m.get("present"), key);
            case "equals" -> Predicates.haveTagValue(tag, tree.text(m.get("equals"), key + ".equals"));
            case "one_of" -> Predicates.haveTagValue(tag, tree.texts(m.get("one_of"), key + ".one_of")
                    .toArray(String[]::new));
            default -> Predicates.haveTagMatching(tag, regex(m.get("matches"), key + ".matches"));
        };
        return new Clause(p, Tags.PROPERTY);
    }

    /** Every resource the property refers to meets every nested condition. */
    private Clause follow(Map<String, Node> m, String key) throws RuleFileException {
        String path = tree.text(m.get("follow"), key + ".follow");
        Node should = m.get("should");
        if (should == null) {
            throw tree.error(m.get("follow"), key + ".should", "missing: say what the referenced resources should meet");
        }
        ResourcePredicate each = all(should, key + ".should");
        return new Clause(Predicates.allRelated(Traversal.follow(path), each)
                .as("have " + path + " referring only to resources that " + each.description()), path);
    }

    /** Some resource of a kind or type refers to this one through a property (and meets the nested conditions). */
    private Clause referencedBy(Node node, Map<String, Node> m, String key) throws RuleFileException {
        String rk = key + ".referenced_by";
        Map<String, Node> by = tree.map(m.get("referenced_by"), rk, REFERRER_KEYS);
        String property = tree.text(tree.required(by, m.get("referenced_by"), rk, "property"), rk + ".property");
        Traversal referrers;
        String what;
        if (by.containsKey("type") == by.containsKey("kind")) {
            throw tree.error(m.get("referenced_by"), rk, "give either 'kind' or 'type'");
        } else if (by.containsKey("type")) {
            what = tree.text(by.get("type"), rk + ".type");
            referrers = Traversal.referrersOfType(what, property);
        } else {
            String name = tree.text(by.get("kind"), rk + ".kind");
            what = name;
            DeclaredKind d = declared.get(name);
            Kind k = RuleFile.builtInKind(name);
            if (d != null) {
                kindsRead.add(d);
                referrers = Traversal.referrers(d, property);
            } else if (k != null) {
                referrers = Traversal.referrers(k, property);
            } else {
                throw tree.error(by.get("kind"), rk + ".kind", "unknown kind '" + name + "'");
            }
        }
        ResourcePredicate those = m.containsKey("should") ? all(m.get("should"), key + ".should")
                : ResourcePredicate.of("exist", (r, g) -> Truth.TRUE);
        String byText = "be referenced by the " + property + " of a " + what + " resource";
        ResourcePredicate some = Predicates.anyRelated(referrers, those)
                .as(m.containsKey("should") ? byText + " that " + those.description() : byText);
        boolean present = !m.containsKey("present") || tree.bool(m.get("present"), key + ".present");
        return new Clause(present ? some : ResourcePredicate.not(some), "");
    }

    private Clause not(Map<String, Node> m, String key) throws RuleFileException {
        Clause inner = clause(m.get("not"), key + ".not");
        return new Clause(ResourcePredicate.not(inner.predicate()), inner.path());
    }

    private Clause anyOf(Map<String, Node> m, String key) throws RuleFileException {
        List<Node> items = tree.list(m.get("any_of"));
        if (items.size() < 2) {
            throw tree.error(m.get("any_of"), key + ".any_of", "name at least two conditions");
        }
        Clause first = clause(items.get(0), key + ".any_of[0]");
        ResourcePredicate p = first.predicate();
        for (int i = 1; i < items.size(); i++) {
            p = p.or(clause(items.get(i), key + ".any_of[" + i + "]").predicate());
        }
        return new Clause(p, first.path());
    }

    /** The nested conditions, all of which must hold. */
    private ResourcePredicate all(Node node, String key) throws RuleFileException {
        List<Node> items = tree.list(node);
        if (items.isEmpty()) {
            throw tree.error(node, key, "name at least one condition");
        }
        ResourcePredicate p = null;
        for (int i = 0; i < items.size(); i++) {
            ResourcePredicate next = clause(items.get(i), key + "[" + i + "]").predicate();
            p = p == null ? next : p.and(next);
        }
        return p;
    }

    /** The one operator given (two from {@code together} may be given together); an error otherwise. */
    private String operator(Node node, Map<String, Node> m, String key, List<String> operators, Set<String> together)
            throws RuleFileException {
        List<String> given = new ArrayList<>();
        for (String o : operators) {
            if (m.containsKey(o)) {
                given.add(o);
            }
        }
        boolean range = !given.isEmpty() && together.containsAll(given);
        if (given.size() == 1 || range) {
            return given.get(0);
        }
        throw tree.error(node, key, (given.isEmpty() ? "no operator: give one of " : "one operator at a time, not "
                + String.join(" and ", given) + "; give one of ") + String.join(", ", operators));
    }

    private ResourcePredicate present(ResourcePredicate has, Node value, String key) throws RuleFileException {
        return tree.bool(value, key + ".present") ? has : ResourcePredicate.not(has);
    }

    private String regex(Node node, String key) throws RuleFileException {
        String r = tree.text(node, key);
        try {
            Pattern.compile(r);
            return r;
        } catch (PatternSyntaxException e) {
            throw tree.error(node, key, "not a valid regular expression: " + e.getDescription());
        }
    }

    private BigDecimal number(Node node, String key) throws RuleFileException {
        if (node == null) {
            return null;
        }
        String t = tree.text(node, key);
        try {
            return new BigDecimal(t.trim());
        } catch (NumberFormatException e) {
            throw tree.error(node, key, "must be a number, not '" + t + "'");
        }
    }
}
