package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;

/** A node that was deliberately not read (a foreign tag such as {@code !!python/object}); the parser reported it. */
public record InvalidNode(String reason, Span span) implements TemplateNode {
}
