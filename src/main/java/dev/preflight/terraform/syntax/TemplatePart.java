package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.List;

/** A piece of a string template or heredoc. */
public sealed interface TemplatePart extends Node {

    /** Literal text, escapes decoded ({@code $${} and {@code %%{} already turned into {@code ${} / {@code %{}). */
    record Literal(String text, Span span) implements TemplatePart {
    }

    /** {@code ${ expr }}; the strip flags are the {@code ~} markers. */
    record Interpolation(Expression expression, boolean stripLeft, boolean stripRight, Span span)
            implements TemplatePart {
    }

    /** {@code %{ if cond }...%{ else }...%{ endif }}. */
    record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise, Span span)
            implements TemplatePart {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code %{ for k, v in coll }...%{ endfor }}; {@code keyVar} may be null. */
    record For(String keyVar, String valueVar, Expression collection, List<TemplatePart> body, Span span)
            implements TemplatePart {
        public For {
            body = List.copyOf(body);
        }
    }
}
