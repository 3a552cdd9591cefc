package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;
import java.util.List;

/** A sequence (YAML list, JSON array). */
public record SequenceNode(List<TemplateNode> items, Span span) implements TemplateNode {
    public SequenceNode {
        items = List.copyOf(items);
    }
}
