package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.List;

/**
 * {@code type "label" ... { body }}. {@code span} runs from the type keyword to the closing brace;
 * {@code typeSpan} covers the type keyword only.
 */
public record Block(String type, Span typeSpan, List<Label> labels, Body body, Span span) implements BodyItem {
    public Block {
        labels = List.copyOf(labels);
    }

    /** A block label, quoted or bare, with its span (quotes included). */
    public record Label(String value, Span span) implements Node {
    }

    public String label(int i) {
        return i < labels.size() ? labels.get(i).value() : null;
    }
}
