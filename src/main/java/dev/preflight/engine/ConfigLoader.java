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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
 * otherwise scan what the user meant to skip. The keys:
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

    private final Function<Config, Set<String>> knownRuleIds;
    private String fileName;
    /** Rule ids the file names, checked once the whole file is read (its own rule jars and files add ids). */
    private final List<IdMention> mentionedIds = new ArrayList<>();

    private record IdMention(String id, Node where, String key) {
    }
    /** The key whose value is being read: unknown keys are reported on its line, not their value's. */
    private Node currentKey;

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
                            default -> throw unknownKey("rules." + k, "enable, disable, jars, files");
                        }
                    });
                    case "severity" -> walk(value, "severity", (id, v) -> {
                        checkRuleId(id, v, "severity");
                        b.severities.put(id, severity(v, "severity." + id));
                    });
                    case "exclude" -> b.excludes = strings(value, "exclude");
                    case "fail_on" -> b.failOn = failOn(value);
                    case "terraform" -> walk(value, "terraform", (k, v) -> {
                        switch (k) {
                            case "var_files" -> strings(v, "terraform.var_files").forEach(p -> b.varFiles.add(b.dir.resolve(p)));
                            case "variables" -> walk(v, "terraform.variables",
                                    (name, val) -> b.variables.put(name, hclExpression(val)));
                            default -> throw unknownKey("terraform." + k, "var_files, variables");
                        }
                    });
                    case "cloudformation" -> walk(value, "cloudformation", (k, v) -> {
                        if (!k.equals("parameters")) {
                            throw unknownKey("cloudformation." + k, "parameters");
                        }
                        walk(v, "cloudformation.parameters",
                                (name, val) -> b.parameters.put(name, parameterValue(val, "cloudformation.parameters." + name)));
                    });
                    default -> throw unknownKey(key,
                            "rules, severity, exclude, fail_on, terraform, cloudformation");
                }
            });
        } catch (Invalid e) {
            throw new ConfigException(e.getMessage());
        }
        Config config = b.build();
        if (!mentionedIds.isEmpty()) {
            Set<String> known;
            try {
                known = knownRuleIds.apply(config);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
            for (IdMention m : mentionedIds) {
                if (!known.contains(m.id())) {
                    throw new ConfigException(invalid(m.where(), "unknown rule id '" + m.id() + "' in '" + m.key()
                            + "'").getMessage());
                }
            }
        }
        return config;
    }

    /** Collects what the file says while it is walked. */
    private static final class Builder {
        final Path dir;
        List<String> enabled;
        List<String> disabled = List.of();
        final Map<String, Severity> severities = new LinkedHashMap<>();
        List<String> excludes = List.of();
        final List<Path> varFiles = new ArrayList<>();
        final Map<String, String> variables = new LinkedHashMap<>();
        final Map<String, String> parameters = new LinkedHashMap<>();
        final List<Path> rulesJars = new ArrayList<>();
        final List<Path> rulesFiles = new ArrayList<>();
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
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private void walk(Node node, String what, BiConsumer<String, Node> action) {
        if (!(node instanceof MappingNode map)) {
            throw invalid(node, what + " must be a mapping");
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw invalid(t.getKeyNode(), "keys of " + what + " must be plain names");
            }
            currentKey = key;
            action.accept(key.getValue(), t.getValueNode());
        }
    }

    private Invalid invalid(Node node, String message) {
        return new Invalid(fileName + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    private Invalid unknownKey(String key, String allowed) {
        return new Invalid(fileName + ":" + (currentKey.getStartMark().getLine() + 1) + ": unknown key '" + key
                + "' (expected one of: " + allowed + ")");
    }

    private List<String> strings(Node node, String key) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return List.of(s.getValue());
        }
        if (!(node instanceof SequenceNode seq)) {
            throw invalid(node, "'" + key + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s)) {
                throw invalid(item, "'" + key + "' must be a list of strings");
            }
            out.add(s.getValue());
        }
        return out;
    }

    private List<String> ruleIds(Node node, String key) {
        List<String> ids = strings(node, key);
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (int i = 0; i < ids.size(); i++) {
            checkRuleId(ids.get(i), items.get(i), key);
        }
        return ids;
    }

    private void checkRuleId(String id, Node where, String key) {
        mentionedIds.add(new IdMention(id, where, key));
    }

    private Severity severity(Node node, String key) {
        if (node instanceof ScalarNode s) {
            try {
                return Severity.valueOf(s.getValue().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw invalid(node, "'" + key + "' must be one of error, warning, note");
    }

    private FailOn failOn(Node node) {
        if (node instanceof ScalarNode s) {
            try {
                return FailOn.parse(s.getValue());
            } catch (IllegalArgumentException e) {
                throw invalid(node, "'fail_on': " + e.getMessage());
            }
        }
        throw invalid(node, "'fail_on' must be one of error, warning, note, never");
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
        return String.join(",", strings(node, key));
    }
}
