package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;

/** A {@code #}, {@code //} or {@code /* *}{@code /} comment; {@code text} is without the comment markers. */
public record Comment(String text, Span span) implements Node {
}
