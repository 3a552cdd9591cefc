package dev.preflight.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.preflight.dsl.Severity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code .preflight.yaml}. The file is composed, not constructed, so every error can name the key and the
 * line it is on; unknown keys are errors rather than silently ignored, since a misspelt {@code exlude:} would
 * otherwise scan what the user meant to skip, and so are values of the wrong type ({@code disable: rule-id} where a
 * list is expected). Every error of the file is reported at once, with a "did you mean" for misspelt keys and rule
 * ids, so that a user fixes the file in one go. The keys:
 * <pre>
 * rules: {enable: [ids], disable: [ids], jars: [paths], files: [paths]}
 * severity: {rule-id: error|warning|note}
 * exclude: [globs]
 * fail_on: error|warning|note|never
 * terraform: {var_files: [paths], variables: {name: value}}
 * cloudformation: {parameters: {Name: value}}
 * </pre>
 */
public final class ConfigLoader {
    /** The name looked for in the scanned root. */
    public static final String FILE_NAME = ".preflight.yaml";
    /**
     * Every key the file may hold, below its section after a dot (the rule ids under {@code severity} and the names
     * under {@code variables} and {@code parameters} are the user's). Unknown-key messages and the README's test
     * take them from here.
     */
    public static final List<String> KEYS = List.of("rules.enable", "rules.disable", "rules.jars", "rules.files",
            "severity", "exclude",
            "fail_on", "terraform.var_files", "terraform.variables", "cloudformation.parameters");

    private final Function<Config, Set<String>> knownRuleIds;
    private String fileName;
    /** The key whose value is being read: unknown keys are reported on its line, not their value's. */
    private Node currentKey;
    /** The errors found so far, each "file:line: message", in the order of the file. */
    private final List<Invalid> errors = new ArrayList<>();
    /** Rule ids the file names, checked once the whole file is read (its own rule jars and files add ids). */
    private final List<IdMention> mentionedIds = new ArrayList<>();

    private record IdMention(String id, Node where, String key) {
    }

    /** A loader that refuses rule ids not in {@code knownRuleIds}. */
    public ConfigLoader(Set<String> knownRuleIds) {
        Set<String> ids = Set.copyOf(knownRuleIds);
        this.knownRuleIds = config -> ids;
    }

    /**
     * A loader that asks {@code knownRuleIds} for the ids it knows once the file is read, with what the file says:
     * the file may name rule jars and files whose rules it then configures. The function may throw
     * {@link ConfigException}'s cause as an {@link IllegalArgumentException}, whose message is reported as is.
     */
    public ConfigLoader(Function<Config, Set<String>> knownRuleIds) {
        this.knownRuleIds = knownRuleIds;
    }

    /** The configuration in {@code file}. */
    public Config load(Path file) throws ConfigException {
        this.fileName = file.toString();
        errors.clear();
        mentionedIds.clear();
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(fileName + ": cannot read: " + e.getMessage());
        }
        Builder b = new Builder(file.toAbsolutePath().getParent());
        if (root == null) {
            return b.build();
        }
        try {
            walk(root, "the file", (key, value) -> {
                switch (key) {
                    case "rules" -> walk(value, "rules", (k, v) -> {
                        switch (k) {
                            case "enable" -> b.enabled = ruleIds(v, "rules.enable");
                            case "disable" -> b.disabled = ruleIds(v, "rules.disable");
                            case "jars" -> strings(v, "rules.jars").forEach(p -> b.rulesJars.add(b.dir.resolve(p)));
                            case "files" -> strings(v, "rules.files").forEach(p -> b.rulesFiles.add(b.dir.resolve(p)));
                            default -> throw unknownKey("rules", k);
                        }
                    });
                    case "severity" -> walk(value, "severity", (id, v) -> {
                        mentionedIds.add(new IdMention(id, currentKey, "severity"));
                        b.severities.put(id, severity(v, "severity." + id));
                    });
                    case "exclude" -> b.excludes = strings(value, "exclude");
                    case "fail_on" -> b.failOn = failOn(value);
                    case "terraform" -> walk(value, "terraform", (k, v) -> {
                        switch (k) {
                            case "var_files" -> strings(v, "terraform.var_files").forEach(p -> b.varFiles.add(b.dir.resolve(p)));
                            case "variables" -> walk(v, "terraform.variables",
                                    (name, val) -> b.variables.put(name, hclExpression(val)));
                            default -> throw unknownKey("terraform", k);
                        }
                    });
                    case "cloudformation" -> walk(value, "cloudformation", (k, v) -> {
                        if (!k.equals("parameters")) {
                            throw unknownKey("cloudformation", k);
                        }
                        walk(v, "cloudformation.parameters",
                                (name, val) -> b.parameters.put(name, parameterValue(val, "cloudformation.parameters." + name)));
                    });
                    default -> throw unknownKey("", key);
                }
            });
        } catch (Invalid e) {
            errors.add(e); // the file's top level is not a mapping
        }
        Config config = b.build();
        checkRuleIds(config);
        if (!errors.isEmpty()) {
            // rule ids are checked last (the file's own rule jars and files add ids); the user reads the file's order
            errors.sort(java.util.Comparator.comparingInt(Invalid::line));
            List<String> messages = new ArrayList<>();
            for (Invalid e : errors) {
                messages.add(e.getMessage());
            }
            throw new ConfigException(messages);
        }
        return config;
    }

    /**
     * Every rule id the file names against the rules known with the file's own jars and rule files: each unknown one
     * is an error of its own, with the closest known id. A jar or rule file that cannot be used ends the load.
     */
    private void checkRuleIds(Config config) throws ConfigException {
        if (mentionedIds.isEmpty()) {
            return;
        }
        Set<String> known;
        try {
            known = knownRuleIds.apply(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        for (IdMention m : mentionedIds) {
            if (!known.contains(m.id())) {
                errors.add(invalid(m.where(), "unknown rule id '" + m.id() + "' in '" + m.key() + "'"
                        + Suggestions.didYouMean(m.id(), known)));
            }
        }
    }

    /** Collects what the file says while it is walked. */
    private static final class Builder {
        final Path dir;
        List<String> enabled;
        List<String> disabled = List.of();
        final Map<String, Severity> severities = new LinkedHashMap<>();
        final List<Path> rulesJars = new ArrayList<>();
        final List<Path> rulesFiles = new ArrayList<>();
        List<String> excludes = List.of();
        final List<Path> varFiles = new ArrayList<>();
        final Map<String, String> variables = new LinkedHashMap<>();
        final Map<String, String> parameters = new LinkedHashMap<>();
        FailOn failOn;

        Builder(Path dir) {
            this.dir = dir;
        }

        Config build() {
            return new Config(enabled, disabled, severities, excludes, varFiles, variables, parameters, failOn,
                    rulesJars, rulesFiles);
        }
    }

    /** Thrown inside the walk (lambdas cannot throw checked exceptions), turned into a ConfigException. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The line of the file it is about, so that errors are reported in the file's order. */
        private final int line;

        Invalid(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /**
     * Calls {@code action} on every entry of the mapping {@code node}. An error in one entry is recorded and the
     * walk goes on with the next, so that the user sees every error of the file at once. An empty value (YAML null)
     * is an empty mapping.
     */
    private void walk(Node node, String what, BiConsumer<String, Node> action) {
        if (isNull(node)) {
            return;
        }
        String label = what.contains(" ") ? what : "'" + what + "'";
        if (!(node instanceof MappingNode map)) {
            throw invalid(node, label + " must be a mapping (key: value lines), not " + describe(node));
        }
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                errors.add(invalid(t.getKeyNode(), "keys of " + label + " must be plain names"));
                continue;
            }
            int line = key.getStartMark().getLine() + 1;
            Integer first = lines.putIfAbsent(key.getValue(), line);
            if (first != null) {
                errors.add(invalid(key, "key '" + key.getValue() + "' is given twice (lines " + first + " and "
                        + line + "); write it once"));
                continue;
            }
            currentKey = key;
            try {
                action.accept(key.getValue(), t.getValueNode());
            } catch (Invalid e) {
                errors.add(e);
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** What a node is, for messages: "a list", "a mapping", "the text 'x'", "the number 3". */
    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
            return "the number " + s.getValue();
        }
        if (s.getTag().equals(Tag.BOOL)) {
            return "the boolean " + s.getValue();
        }
        return "the text '" + s.getValue() + "'";
    }

    private Invalid invalid(Node node, String message) {
        int line = node.getStartMark().getLine() + 1;
        return new Invalid(line, fileName + ":" + line + ": " + message);
    }

    /** An unknown key in {@code section} ("" for the top level), with the closest allowed one when there is one. */
    private Invalid unknownKey(String section, String typed) {
        List<String> allowed = keysIn(section);
        String key = section.isEmpty() ? typed : section + "." + typed;
        String suggestion = Suggestions.didYouMean(typed, allowed);
        int line = currentKey.getStartMark().getLine() + 1;
        return new Invalid(line, fileName + ":" + line + ": unknown key '" + key
                + "'" + (suggestion.isEmpty() ? " (expected one of: " + String.join(", ", allowed) + ")" : suggestion));
    }

    /** The keys allowed directly in {@code section} ("" for the top level), in the order of {@link #KEYS}. */
    private static List<String> keysIn(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        return KEYS.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k).distinct().toList();
    }

    /**
     * A list of strings. A single value is refused rather than taken as a list of one: {@code disable: a, b} would
     * otherwise be one id "a, b", and the fix is one pair of brackets. Items that are not text are each an error.
     */
    private List<String> strings(Node node, String key) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof ScalarNode s) {
            throw invalid(node, "'" + key + "' must be a list, not " + describe(node) + ": write " + key
                    .substring(key.lastIndexOf('.') + 1) + ": [" + s.getValue() + "]");
        }
        if (!(node instanceof SequenceNode seq)) {
            throw invalid(node, "'" + key + "' must be a list of strings, not " + describe(node));
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
                out.add(s.getValue());
            } else {
                errors.add(invalid(item, "items of '" + key + "' must be strings, not " + describe(item)
                        + (item instanceof ScalarNode ? " (quote it)" : "")));
            }
        }
        return out;
    }

    /** Rule ids, checked when the whole file is read ({@link #checkRuleIds}). */
    private List<String> ruleIds(Node node, String key) {
        List<String> ids = strings(node, key);
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of();
        for (Node item : items) {
            if (item instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
                mentionedIds.add(new IdMention(s.getValue(), item, key));
            }
        }
        return ids;
    }

    private Severity severity(Node node, String key) {
        if (node instanceof ScalarNode s) {
            try {
                return Severity.valueOf(s.getValue().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw invalid(node, "'" + key + "' must be one of error, warning, note, not " + describe(node)
                + Suggestions.didYouMean(node instanceof ScalarNode s ? s.getValue() : "",
                        List.of("error", "warning", "note")));
    }

    private FailOn failOn(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            try {
                return FailOn.parse(s.getValue());
            } catch (IllegalArgumentException e) {
                throw invalid(node, "'fail_on': " + e.getMessage());
            }
        }
        throw invalid(node, "'fail_on' must be one of error, warning, note, never, not " + describe(node));
    }

    /** A YAML value as the HCL expression the Terraform loader takes: JSON syntax is valid HCL. */
    private static String hclExpression(Node node) {
        return toJson(node).toString();
    }

    private static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof SequenceNode seq) {
            ArrayNode a = f.arrayNode();
            seq.getValue().forEach(n -> a.add(toJson(n)));
            return a;
        }
        if (node instanceof MappingNode map) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
            }
            return o;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                return new ObjectMapper().readTree(v.replace("_", ""));
            }
        } catch (IOException e) {
            return f.textNode(v); // 0x1F, .inf and friends: give the text, HCL has no such literal
        }
        if (tag.equals(Tag.BOOL)) {
            return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
        }
        if (tag.equals(Tag.NULL)) {
            return f.nullNode();
        }
        return f.textNode(v);
    }

    /** CloudFormation parameters are strings; a list becomes the comma-separated form CommaDelimitedList takes. */
    private String parameterValue(Node node, String key) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof MappingNode) {
            throw invalid(node, "'" + key + "' must be a value or a list of values, not a mapping");
        }
        List<String> items = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            if (!(item instanceof ScalarNode s)) {
                throw invalid(item, "items of '" + key + "' must be values, not " + describe(item));
            }
            items.add(s.getValue());
        }
        return String.join(",", items);
    }
}
