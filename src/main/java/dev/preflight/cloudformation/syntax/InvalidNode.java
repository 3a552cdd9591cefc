package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;

/**
 * A node that was deliberately not read (a foreign tag such as {@code !!python/object}); the parser reported it.
 * {@code tag} is the tag as written, or null when the node was dropped for another reason (an alias loop).
 */
public record InvalidNode(String reason, String tag, Span span) implements TemplateNode {

    /** True for a directive of the Rain preprocessor ({@code !Rain::Embed}), whose templates are not deployable as is. */
    public boolean isRainDirective() {
        return tag != null && tag.startsWith("!Rain::");
    }
}
