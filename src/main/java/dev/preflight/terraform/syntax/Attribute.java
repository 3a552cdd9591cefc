package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;

/** {@code name = value}. {@code span} covers the whole attribute; {@code nameSpan} only the name. */
public record Attribute(String name, Span nameSpan, Expression value, Span span) implements BodyItem {
}
