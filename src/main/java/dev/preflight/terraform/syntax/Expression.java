package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.util.List;

/**
 * An HCL expression, kept with its structure (the shape of HashiCorp's hclsyntax package): operators with
 * precedence, conditionals, for-expressions, splats and templates. Nothing is evaluated here.
 */
public sealed interface Expression extends Node {

    /** {@code null}. */
    record NullLiteral(Span span) implements Expression {
    }

    /** {@code true} / {@code false}. */
    record BoolLiteral(boolean value, Span span) implements Expression {
    }

    /** A number as written, e.g. {@code 42}, {@code 1.5}, {@code 1e3}. */
    record NumberLiteral(BigDecimal value, Span span) implements Expression {
    }

    /**
     * A quoted string or a heredoc. A string with no interpolation or directive is a template with one
     * {@link TemplatePart.Literal} (or none, for {@code ""}). Escapes are decoded and heredoc indentation
     * ({@code <<-}) is already stripped in the literal parts.
     */
    record Template(List<TemplatePart> parts, boolean heredoc, Span span) implements Expression {
        public Template {
            parts = List.copyOf(parts);
        }

        /** The text when the template is a plain literal, else null. */
        public String literalText() {
            if (parts.isEmpty()) {
                return "";
            }
            if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Literal l) {
                return l.text();
            }
            return null;
        }
    }

    /** {@code [a, b, c]}. */
    record Tuple(List<Expression> elements, Span span) implements Expression {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /**
     * {@code { key = value, ... }}. A bare identifier key ({@code name = 1}) is given as a literal
     * {@link Template}, exactly like a quoted key; a computed key is a {@link Parens}.
     */
    record ObjectCons(List<Item> items, Span span) implements Expression {
        public ObjectCons {
            items = List.copyOf(items);
        }

        public record Item(Expression key, Expression value, Span span) implements Node {
        }
    }

    /** A root name: {@code var}, {@code aws_subnet}, {@code count}, {@code each}, a for-expression variable. */
    record Variable(String name, Span span) implements Expression {
    }

    /** {@code source.name}. */
    record GetAttr(Expression source, String name, Span nameSpan, Span span) implements Expression {
    }

    /** {@code source[key]}; the legacy {@code source.0} form is an index with a number key. */
    record Index(Expression source, Expression key, Span span) implements Expression {
    }

    /**
     * {@code source[*].each} (full splat) or {@code source.*.each} (legacy attribute-only splat). {@code each} is
     * an expression over {@link SplatItem}, e.g. {@code GetAttr(SplatItem, "id")}; it is just the
     * {@link SplatItem} when nothing follows the splat.
     */
    record Splat(Expression source, Expression each, boolean legacy, Span span) implements Expression {
    }

    /** The current element inside a {@link Splat}'s {@code each}. */
    record SplatItem(Span span) implements Expression {
    }

    /** {@code name(args...)}; {@code expandFinal} is the {@code ...} after the last argument. */
    record FunctionCall(String name, List<Expression> args, boolean expandFinal, Span nameSpan, Span span)
            implements Expression {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /** {@code left op right}. */
    record Binary(Operator op, Expression left, Expression right, Span span) implements Expression {
    }

    /** {@code !x} or {@code -x}. */
    record Unary(Operator op, Expression operand, Span span) implements Expression {
    }

    /** {@code cond ? then : otherwise}. */
    record Conditional(Expression condition, Expression then, Expression otherwise, Span span) implements Expression {
    }

    /**
     * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
     * {@code keyVar} is null when only one variable is named; {@code keyExpr} is null for the tuple form.
     */
    record For(String keyVar, String valueVar, Expression collection, Expression keyExpr, Expression valueExpr,
               Expression condition, boolean grouping, boolean objectResult, Span span) implements Expression {
    }

    /** {@code (inner)}. Kept so that computed object keys and spans stay exact. */
    record Parens(Expression inner, Span span) implements Expression {
    }

    /** Binary and unary operators, with HCL's precedence (higher binds tighter). */
    enum Operator {
        OR("||", 1), AND("&&", 2),
        EQUAL("==", 3), NOT_EQUAL("!=", 3),
        LESS("<", 4), LESS_OR_EQUAL("<=", 4), GREATER(">", 4), GREATER_OR_EQUAL(">=", 4),
        ADD("+", 5), SUBTRACT("-", 5),
        MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6),
        NOT("!", 7), NEGATE("-", 7);

        private final String symbol;
        private final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }
    }
}
