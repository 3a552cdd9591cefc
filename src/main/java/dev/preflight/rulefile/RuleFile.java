package dev.preflight.rulefile;

import static dev.preflight.dsl.RuleDefinition.rule;

import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.DeclaredKind;
import dev.preflight.dsl.ResourceCheck;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.ResourceSelection;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.Kind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a rule file and compiles its rules into {@link RuleDefinition}s. Errors name {@code file:line:col} and the
 * key, and the first one ends the reading: a half-read policy must not run. The format:
 *
 * <pre>
 * kinds:                       # optional: kinds for types without a built-in kind
 *   - name: S3_BUCKET
 *     terraform: aws_s3_bucket
 *     cloudformation: AWS::S3::Bucket
 *     properties: {bucket: {terraform: bucket, cloudformation: BucketName}}
 * rules:
 *   - id: acme-service-owner-tag
 *     severity: warning        # error (default), warning or note
 *     title: ECS service without an Owner tag
 *     fix: Add an Owner tag naming the team that runs the service.
 *     resources: {kind: ECS_SERVICE}      # or {type: [aws_x, AWS::X::Y]}, or a kind declared above
 *     where: [{property: launch_type, equals: FARGATE}]
 *     should: [{tag: Owner, present: true}]
 * </pre>
 *
 * The conditions are in {@link Clauses}; {@code docs/rule-files.md} is the reference.
 */
public final class RuleFile {
    private static final Set<String> TOP_KEYS = Set.of("kinds", "rules");
    private static final Set<String> KIND_KEYS = Set.of("name", "terraform", "cloudformation", "properties");
    private static final Set<String> RENAME_KEYS = Set.of("terraform", "cloudformation");
    private static final Set<String> RULE_KEYS = Set.of("id", "severity", "title", "prevents", "fix", "doc",
            "because", "resources", "where", "should");
    private static final Set<String> RESOURCES_KEYS = Set.of("kind", "type");

    private final YamlTree tree;
    private final Map<String, DeclaredKind> declared = new LinkedHashMap<>();

    private RuleFile(String shownAs) {
        this.tree = new YamlTree(shownAs);
    }

    /** The rules in {@code file}, which messages call {@code shownAs}. */
    public static List<Rule> load(Path file, String shownAs) throws RuleFileException {
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            int column = e.getProblemMark() == null ? 1 : e.getProblemMark().getColumn() + 1;
            throw new RuleFileException(shownAs + ":" + line + ":" + column + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new RuleFileException(shownAs + ": cannot read: " + e.getMessage());
        }
        if (root == null) {
            throw new RuleFileException(shownAs + ":1:1: the file declares no rule (expected 'rules:')");
        }
        return new RuleFile(shownAs).compile(root);
    }

    private List<Rule> compile(Node root) throws RuleFileException {
        Map<String, Node> top = tree.map(root, "", TOP_KEYS);
        if (top.containsKey("kinds")) {
            List<Node> kinds = tree.list(top.get("kinds"));
            for (int i = 0; i < kinds.size(); i++) {
                declareKind(kinds.get(i), "kinds[" + i + "]");
            }
        }
        if (!top.containsKey("rules")) {
            throw tree.error(root, "rules", "missing: the file declares no rule");
        }
        List<Node> items = tree.list(top.get("rules"));
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            RuleDefinition r = compileRule(items.get(i), "rules[" + i + "]");
            if (!ids.add(r.info().id())) {
                throw tree.error(items.get(i), "rules[" + i + "].id", "rule id '" + r.info().id()
                        + "' is declared twice in this file");
            }
            rules.add(r);
        }
        if (rules.isEmpty()) {
            throw tree.error(top.get("rules"), "rules", "the file declares no rule");
        }
        return rules;
    }

    private void declareKind(Node node, String key) throws RuleFileException {
        Map<String, Node> m = tree.map(node, key, KIND_KEYS);
        Node nameNode = tree.required(m, node, key, "name");
        String name = tree.text(nameNode, key + ".name");
        DeclaredKind kind;
        try {
            kind = DeclaredKind.named(name);
            if (m.containsKey("terraform")) {
                kind = kind.terraform(tree.texts(m.get("terraform"), key + ".terraform").toArray(String[]::new));
            }
            if (m.containsKey("cloudformation")) {
                kind = kind.cloudFormation(tree.texts(m.get("cloudformation"), key + ".cloudformation")
                        .toArray(String[]::new));
            }
            if (kind.types().isEmpty()) {
                throw tree.error(node, key, "a kind needs a 'terraform' or 'cloudformation' type");
            }
            if (m.containsKey("properties")) {
                Map<String, Node> props = tree.map(m.get("properties"), key + ".properties", anyKey(m.get("properties")));
                for (Map.Entry<String, Node> p : props.entrySet()) {
                    String pk = key + ".properties." + p.getKey();
                    Map<String, Node> names = tree.map(p.getValue(), pk, RENAME_KEYS);
                    String tf = names.containsKey("terraform") ? tree.text(names.get("terraform"), pk + ".terraform")
                            : p.getKey();
                    String cfn = names.containsKey("cloudformation")
                            ? tree.text(names.get("cloudformation"), pk + ".cloudformation") : p.getKey();
                    kind = kind.property(p.getKey(), tf, cfn);
                }
            }
        } catch (IllegalArgumentException e) {
            throw tree.error(node, key, e.getMessage());
        }
        if (declared.put(name, kind) != null) {
            throw tree.error(nameNode, key + ".name", "kind " + name + " is declared twice in this file");
        }
    }

    /** Every key of a mapping is allowed: it names properties, which are the user's. */
    private static Set<String> anyKey(Node node) {
        Set<String> keys = new HashSet<>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            m.getValue().forEach(t -> {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
                    keys.add(s.getValue());
                }
            });
        }
        return keys;
    }

    private RuleDefinition compileRule(Node node, String key) throws RuleFileException {
        Map<String, Node> m = tree.map(node, key, RULE_KEYS);
        Node idNode = tree.required(m, node, key, "id");
        RuleDefinition r;
        try {
            r = rule(tree.text(idNode, key + ".id"));
        } catch (IllegalArgumentException e) {
            throw tree.error(idNode, key + ".id", e.getMessage());
        }
        if (m.containsKey("severity")) {
            r = r.severity(severity(m.get("severity"), key + ".severity"));
        }
        r = r.title(tree.text(tree.required(m, node, key, "title"), key + ".title"));
        if (m.containsKey("prevents")) {
            r = r.prevents(tree.text(m.get("prevents"), key + ".prevents"));
        }
        if (m.containsKey("fix")) {
            r = r.fix(tree.text(m.get("fix"), key + ".fix"));
        }
        if (m.containsKey("doc")) {
            r = r.doc(tree.text(m.get("doc"), key + ".doc"));
        }
        Clauses clauses = new Clauses(tree, declared);
        ResourceSelection selection = selection(tree.required(m, node, key, "resources"), key + ".resources");
        if (m.containsKey("where")) {
            List<Node> where = tree.list(m.get("where"));
            for (int i = 0; i < where.size(); i++) {
                selection = selection.that(clauses.clause(where.get(i), key + ".where[" + i + "]").predicate());
            }
        }
        Node shouldNode = tree.required(m, node, key, "should");
        List<Node> should = tree.list(shouldNode);
        if (should.isEmpty()) {
            throw tree.error(shouldNode, key + ".should", "name at least one condition");
        }
        ResourceCondition condition = null;
        for (int i = 0; i < should.size(); i++) {
            Clauses.Clause c = clauses.clause(should.get(i), key + ".should[" + i + "]");
            ResourceCondition next = Conditions.match(c.predicate(), c.path());
            condition = condition == null ? next : condition.and(next);
        }
        ResourceCheck check = selection.should(condition);
        if (m.containsKey("because")) {
            check = check.because(tree.text(m.get("because"), key + ".because"));
        }
        return r.check(check).reading(clauses.kindsRead().toArray(DeclaredKind[]::new));
    }

    private ResourceSelection selection(Node node, String key) throws RuleFileException {
        Map<String, Node> m = tree.map(node, key, RESOURCES_KEYS);
        if (m.size() != 1) {
            throw tree.error(node, key, "give either 'kind' or 'type'");
        }
        if (m.containsKey("type")) {
            return ResourceSelection.resourcesOfType(tree.texts(m.get("type"), key + ".type").toArray(String[]::new));
        }
        List<Kind> builtIn = new ArrayList<>();
        List<DeclaredKind> own = new ArrayList<>();
        for (String name : tree.texts(m.get("kind"), key + ".kind")) {
            DeclaredKind d = declared.get(name);
            Kind k = d == null ? builtInKind(name) : null;
            if (d == null && k == null) {
                throw tree.error(m.get("kind"), key + ".kind", "unknown kind '" + name + "' (a built-in kind such "
                        + "as ECS_SERVICE, see 'preflight rules', or a kind declared under 'kinds:' in this file)");
            }
            if (d != null) {
                own.add(d);
            } else {
                builtIn.add(k);
            }
        }
        if (!builtIn.isEmpty() && !own.isEmpty()) {
            throw tree.error(m.get("kind"), key + ".kind", "a rule selects built-in kinds or declared kinds, not both");
        }
        return own.isEmpty() ? ResourceSelection.resources(builtIn.toArray(Kind[]::new))
                : ResourceSelection.resources(own.get(0), own.subList(1, own.size()).toArray(DeclaredKind[]::new));
    }

    static Kind builtInKind(String name) {
        for (Kind k : Kind.values()) {
            if (k.name().equals(name) && k != Kind.OTHER) {
                return k;
            }
        }
        return null;
    }

    private Severity severity(Node node, String key) throws RuleFileException {
        String t = tree.text(node, key);
        try {
            return Severity.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw tree.error(node, key, "must be error, warning or note, not '" + t + "'");
        }
    }
}
