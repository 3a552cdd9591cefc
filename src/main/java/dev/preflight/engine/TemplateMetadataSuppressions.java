package dev.preflight.engine;

import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation {@code Metadata: {preflight: {ignore: [{id: rule-id, reason: ...}]}}} on resources; the only
 * way to suppress in a JSON template, which has no comments. It composes the raw template itself (SnakeYAML reads
 * JSON too, and composing keeps short-form tags such as {@code !Ref} without resolving them), so it needs nothing
 * from the CloudFormation loader. An entry covers every line of its resource.
 */
final class TemplateMetadataSuppressions {
    private TemplateMetadataSuppressions() {
    }

    /** The metadata suppressions of a template; none for other files or templates that do not parse. */
    static List<Suppression> find(SourceFile file) {
        String name = file.displayPath().toLowerCase(Locale.ROOT);
        boolean candidate = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.endsWith(".template");
        // cheap test first: composing every template of a large repository costs more than this whole feature
        if (!candidate || !file.text().contains("preflight") || !file.text().contains("Metadata")) {
            return List.of();
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            root = new Yaml(options).compose(new StringReader(file.text()));
        } catch (YAMLException e) {
            return List.of(); // the loader reports the parse error
        }
        List<Suppression> found = new ArrayList<>();
        Node resources = get(root, "Resources");
        if (!(resources instanceof MappingNode map)) {
            return found;
        }
        for (NodeTuple resource : map.getValue()) {
            Node ignore = get(get(get(resource.getValueNode(), "Metadata"), "preflight"), "ignore");
            if (!(ignore instanceof SequenceNode entries)) {
                continue;
            }
            int first = resource.getKeyNode().getStartMark().getLine() + 1;
            int last = lastLine(resource.getValueNode().getEndMark());
            for (Node entry : entries.getValue()) {
                String id = scalar(get(entry, "id"));
                if (id != null) {
                    found.add(new Suppression(id, scalar(get(entry, "reason")), spanOf(file, entry), first, last,
                            Suppression.Origin.TEMPLATE_METADATA));
                }
            }
        }
        return found;
    }

    /** SnakeYAML's end mark is just past the node, often column 0 of the next line. */
    private static int lastLine(Mark end) {
        return end.getColumn() == 0 ? Math.max(1, end.getLine()) : end.getLine() + 1;
    }

    private static Span spanOf(SourceFile file, Node node) {
        Mark start = node.getStartMark();
        int line = start.getLine() + 1;
        int column = start.getColumn() + 1;
        return new Span(file.displayPath(), line, column, line, Math.max(column, file.lineText(line).length() + 1));
    }

    private static Node get(Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }
}
