package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression.Operator;
import java.math.BigDecimal;
import java.util.Optional;

/** HCL's operators on values: known operands give known results, anything else gives an unknown. */
final class Operators {
    private Operators() {
    }

    static Value binary(Operator op, Value left, Value right, Span span) {
        switch (op) {
            case EQUAL:
            case NOT_EQUAL: {
                Optional<Boolean> same = equality(left, right);
                if (same.isEmpty()) {
                    return unknown(left, right, span);
                }
                return new Value.Bool(same.get() == (op == Operator.EQUAL), span);
            }
            case AND:
            case OR:
                return logical(op, left, right, span);
            default:
                break;
        }
        if (!left.isKnown() || !right.isKnown()) {
            return unknown(left, right, span);
        }
        BigDecimal a = bounded(Values.number(left).orElseThrow(() -> new EvalException(span, "a number is required")),
                span);
        BigDecimal b = bounded(Values.number(right).orElseThrow(() -> new EvalException(span, "a number is required")),
                span);
        switch (op) {
            case ADD:
                return new Value.Num(a.add(b), span);
            case SUBTRACT:
                return new Value.Num(a.subtract(b), span);
            case MULTIPLY:
                return new Value.Num(a.multiply(b), span);
            case DIVIDE:
                if (b.signum() == 0) {
                    throw new EvalException(span, "divide by zero");
                }
                return new Value.Num(a.divide(b, Evaluator.MATH), span);
            case MODULO:
                if (b.signum() == 0) {
                    throw new EvalException(span, "modulo by zero");
                }
                return new Value.Num(a.remainder(b), span);
            case LESS:
                return new Value.Bool(a.compareTo(b) < 0, span);
            case LESS_OR_EQUAL:
                return new Value.Bool(a.compareTo(b) <= 0, span);
            case GREATER:
                return new Value.Bool(a.compareTo(b) > 0, span);
            case GREATER_OR_EQUAL:
                return new Value.Bool(a.compareTo(b) >= 0, span);
            default:
                throw new EvalException(span, "operator " + op.symbol() + " is not binary");
        }
    }

    /** Terraform compares with types: {@code "1" == 1} is false, and unknown operands give an unknown result. */
    private static Optional<Boolean> equality(Value left, Value right) {
        if (left.isKnown() && right.isKnown()) {
            return Values.sameKnown(left, right);
        }
        // null-ness is known before the contents: `{ a = aws_x.y.id } != null` and `"${aws_x.y.id}-x" != null` are
        // true at plan time (a template is never null), as modules' `if v != null` filters rely on
        if (left instanceof Value.Null && notNull(right) || right instanceof Value.Null && notNull(left)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** A value whose contents may be unknown but which is known not to be null. */
    private static boolean notNull(Value v) {
        return v instanceof Value.ListValue || v instanceof Value.MapValue || v instanceof Value.Template;
    }

    private static Value logical(Operator op, Value left, Value right, Span span) {
        Optional<Boolean> a = left instanceof Value.Bool x ? Optional.of(x.value()) : Optional.empty();
        Optional<Boolean> b = right instanceof Value.Bool x ? Optional.of(x.value()) : Optional.empty();
        if ((left.isKnown() && a.isEmpty()) || (right.isKnown() && b.isEmpty())) {
            throw new EvalException(span, "a bool is required");
        }
        if (a.isEmpty() || b.isEmpty()) {
            // Terraform does not short-circuit: an unknown operand makes the whole result unknown
            return unknown(left, right, span);
        }
        boolean result = op == Operator.AND ? a.get() && b.get() : a.get() || b.get();
        return new Value.Bool(result, span);
    }

    static Value unary(Operator op, Value operand, Span span) {
        if (!operand.isKnown()) {
            return new Value.Unknown(Evaluator.reason(operand), span);
        }
        if (op == Operator.NOT) {
            if (!(operand instanceof Value.Bool b)) {
                throw new EvalException(span, "a bool is required");
            }
            return new Value.Bool(!b.value(), span);
        }
        BigDecimal n = Values.number(operand).orElseThrow(() -> new EvalException(span, "a number is required"));
        return new Value.Num(n.negate(), span);
    }

    private static Value unknown(Value left, Value right, Span span) {
        Value cause = left.isKnown() ? right : left;
        return new Value.Unknown(Evaluator.reason(cause), span);
    }

    /**
     * Exact arithmetic on {@code 1E444441} writes out its 444,441 digits ({@code 1E444441 % 1} took 65 s, found by
     * fuzzing); no configuration needs numbers that long, so past {@link dev.preflight.graph.Values#MAX_PLAIN_DIGITS}
     * digits before or after the point a number is refused where it is used.
     */
    static BigDecimal bounded(BigDecimal n, Span span) {
        long limit = dev.preflight.graph.Values.MAX_PLAIN_DIGITS;
        if (Math.abs((long) n.scale()) > limit || n.precision() - (long) n.scale() > limit) {
            throw new EvalException(span, "number too large to compute with: " + n.round(new java.math.MathContext(6))
                    + " (preflight computes with up to " + limit + " digits)");
        }
        return n;
    }
}
