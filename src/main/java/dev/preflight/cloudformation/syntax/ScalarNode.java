package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;

/** A scalar: its text as written (escapes decoded, no quotes), how it was written, and the type that makes it. */
public record ScalarNode(String text, ScalarStyle style, ScalarType type, Span span) implements TemplateNode {
}
