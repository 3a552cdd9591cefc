package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts one composed SnakeYAML document into {@link TemplateNode}s: spans from the marks, short-form tags into
 * {@link FunctionNode}s, foreign tags into reported {@link InvalidNode}s, duplicate keys reported. Aliases are
 * expanded (the tree has no sharing), under a node budget, because a handful of aliases can still describe a tree
 * of billions of nodes.
 */
final class YamlNodeConverter {
    /** No real template comes near this; an alias bomb passes it in a few milliseconds. */
    static final int MAX_NODES = 1_000_000;
    /** Aliases can stack nesting beyond SnakeYAML's depth limit; this keeps the recursion (and the loader's) safe. */
    static final int MAX_DEPTH = 400;
    private static final String YAML_TAG_PREFIX = Tag.PREFIX;
    private static final Set<String> PLAIN_DATA_TAGS =
            Set.of("str", "int", "float", "bool", "null", "timestamp", "seq", "map");

    /** Thrown when a document expands past {@link #MAX_NODES}; it ends the conversion. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    private final SourceFile file;
    private final String text;
    private final CodePointOffsets offsets;
    private final List<Problem> problems;
    private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    YamlNodeConverter(SourceFile file, List<Problem> problems) {
        this.file = file;
        this.text = file.text();
        this.offsets = new CodePointOffsets(text);
        this.problems = problems;
    }

    TemplateNode convert(Node node) {
        return convert(node, 0);
    }

    private TemplateNode convert(Node node, int depth) {
        if (++nodes > MAX_NODES) {
            throw new TooLargeException("the document expands to more than " + MAX_NODES
                    + " nodes through aliases (a billion-laughs pattern?); not read");
        }
        int start = offsets.offset(node.getStartMark().getIndex());
        if (depth > MAX_DEPTH) {
            return invalid("nested more than " + MAX_DEPTH + " levels deep", start, start);
        }
        if (!ancestors.add(node)) {
            return invalid("an alias that contains itself", start, start);
        }
        try {
            return convertTagged(node, start, depth);
        } finally {
            ancestors.remove(node);
        }
    }

    private TemplateNode convertTagged(Node node, int start, int depth) {
        String tag = node.getTag().getValue();
        if (tag.startsWith(YAML_TAG_PREFIX)) {
            String suffix = tag.substring(YAML_TAG_PREFIX.length());
            if (PLAIN_DATA_TAGS.contains(suffix)) {
                return convertContent(node, start, depth);
            }
            return rejectTag("!!" + suffix, node, start);
        }
        Optional<String> function = Intrinsics.longNameOfTag(tag);
        if (function.isEmpty()) {
            return rejectTag(tag, node, start);
        }
        int tagStart = skipAnchor(start);
        int tagEnd = endOfToken(tagStart);
        int argumentStart = skipBlanks(tagEnd);
        TemplateNode argument = convertContent(node, argumentStart, depth);
        int end = endOffset(argument.span());
        Span nameSpan = file.span(tagStart, tagEnd);
        return new FunctionNode(function.get(), argument, true, nameSpan, file.span(start, Math.max(start, end)));
    }

    private TemplateNode rejectTag(String tag, Node node, int start) {
        int end = Math.max(start, offsets.offset(node.getEndMark().getIndex()));
        String reason = "tag '" + tag + "' at line " + file.lineOf(start)
                + " is not a CloudFormation intrinsic function; the node was not read";
        problems.add(new Problem(file.span(start, Math.max(start, endOfToken(skipAnchor(start)))), reason));
        return new InvalidNode(reason, tag, file.span(start, end));
    }

    /** The node as if it had no tag, its span starting at {@code start} (after the tag, when it had one). */
    private TemplateNode convertContent(Node node, int start, int depth) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, start);
        }
        if (node instanceof SequenceNode sequence) {
            List<TemplateNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, depth + 1));
            }
            int end = isFlow(sequence.getFlowStyle()) || items.isEmpty()
                    ? offsets.offset(node.getEndMark().getIndex())
                    : endOffset(items.get(items.size() - 1).span());
            return new dev.preflight.cloudformation.syntax.SequenceNode(items, file.span(start, Math.max(start, end)));
        }
        MappingNode mapping = (MappingNode) node;
        MappingCollector collector = new MappingCollector(problems);
        int lastEnd = start;
        for (NodeTuple tuple : mapping.getValue()) {
            TemplateNode value = convert(tuple.getValueNode(), depth + 1);
            lastEnd = endOffset(value.span());
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key) || !isPlainDataTag(keyNode.getTag())) {
                int keyStart = offsets.offset(keyNode.getStartMark().getIndex());
                problems.add(new Problem(file.span(keyStart, keyStart),
                        "mapping key at line " + file.lineOf(keyStart) + " is not a plain string; entry ignored"));
                continue;
            }
            int keyStart = offsets.offset(key.getStartMark().getIndex());
            int keyEnd = offsets.offset(key.getEndMark().getIndex());
            collector.add(key.getValue(), file.span(keyStart, Math.max(keyStart, keyEnd)), value);
        }
        int end = isFlow(mapping.getFlowStyle()) || mapping.getValue().isEmpty()
                ? offsets.offset(node.getEndMark().getIndex())
                : lastEnd;
        return collector.build(file.span(start, Math.max(start, end)));
    }

    private dev.preflight.cloudformation.syntax.ScalarNode scalar(ScalarNode node, int start) {
        ScalarStyle style = styleOf(node.getScalarStyle());
        int end = offsets.offset(node.getEndMark().getIndex());
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            // a block scalar's end mark lies after its trailing line breaks, on the next key's line
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        ScalarType type;
        if (style != ScalarStyle.PLAIN) {
            type = ScalarType.STRING;
        } else if (node.getTag().equals(Tag.STR)) {
            // the resolver gives !!str to plain text only when it looks like nothing else, or for an explicit !!str
            type = ScalarType.STRING;
        } else {
            type = ScalarTyping.ofPlain(node.getValue());
        }
        // an empty scalar after a tag ends before the blanks that were skipped looking for it
        int from = Math.min(start, end);
        return new dev.preflight.cloudformation.syntax.ScalarNode(node.getValue(), style, type, file.span(from, end));
    }

    private InvalidNode invalid(String reason, int start, int end) {
        problems.add(new Problem(file.span(start, end), reason));
        return new InvalidNode(reason, null, file.span(start, end));
    }

    private static boolean isPlainDataTag(Tag tag) {
        return tag.getValue().startsWith(YAML_TAG_PREFIX)
                && PLAIN_DATA_TAGS.contains(tag.getValue().substring(YAML_TAG_PREFIX.length()));
    }

    private static boolean isFlow(DumperOptions.FlowStyle style) {
        return style == DumperOptions.FlowStyle.FLOW;
    }

    private static ScalarStyle styleOf(DumperOptions.ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
    }

    private int endOffset(Span span) {
        return file.offsetOf(span.endLine(), span.endColumn());
    }

    /** Past an anchor ({@code &name}) and the blanks after it, where a node's start mark may point. */
    private int skipAnchor(int at) {
        if (at < text.length() && text.charAt(at) == '&') {
            return skipBlanks(endOfToken(at));
        }
        return at;
    }

    private int endOfToken(int at) {
        int i = at;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Past spaces, line breaks and comments: where the value after a tag begins. */
    private int skipBlanks(int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }
}
