package dev.preflight.rulefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading a composed YAML tree with errors that point at the node: {@code file:line:col: 'key.path': message}.
 * The tree is composed, not constructed, so every value keeps its position.
 */
final class YamlTree {
    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    /** A mapping's entries by key, refusing duplicate keys and keys not in {@code allowed}. */
    Map<String, Node> map(Node node, String key, Set<String> allowed) throws RuleFileException {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, key, "must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(t.getKeyNode(), key, "keys must be plain names");
            }
            String name = k.getValue();
            String path = key.isEmpty() ? name : key + "." + name;
            if (!allowed.contains(name)) {
                throw error(k, path, "unknown key (expected one of: " + String.join(", ", sorted(allowed)) + ")");
            }
            if (out.put(name, t.getValueNode()) != null) {
                throw error(k, path, "given twice");
            }
        }
        return out;
    }

    /** The value of key {@code name} in {@code m}, the mapping at {@code key}; an error at {@code owner} when absent. */
    Node required(Map<String, Node> m, Node owner, String key, String name) throws RuleFileException {
        Node n = m.get(name);
        if (n == null) {
            throw error(owner, key + "." + name, "missing");
        }
        return n;
    }

    /** The items of a list; a single value counts as a list of one. */
    List<Node> list(Node node) {
        return node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    }

    /** A scalar's text. */
    String text(Node node, String key) throws RuleFileException {
        if (!(node instanceof ScalarNode s) || s.getValue().isEmpty()) {
            throw error(node, key, "must be a non-empty text");
        }
        return s.getValue();
    }

    /** A list of texts (or one text). */
    List<String> texts(Node node, String key) throws RuleFileException {
        List<String> out = new ArrayList<>();
        List<Node> items = list(node);
        for (int i = 0; i < items.size(); i++) {
            out.add(text(items.get(i), node instanceof SequenceNode ? key + "[" + i + "]" : key));
        }
        if (out.isEmpty()) {
            throw error(node, key, "must name at least one value");
        }
        return out;
    }

    /** {@code true} or {@code false}. */
    boolean bool(Node node, String key) throws RuleFileException {
        String t = text(node, key);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        throw error(node, key, "must be true or false, not '" + t + "'");
    }

    RuleFileException error(Node node, String key, String message) {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        return new RuleFileException(file + ":" + line + ":" + column + ": "
                + (key.isEmpty() ? "" : "'" + key + "': ") + message);
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(null);
        return out;
    }
}
