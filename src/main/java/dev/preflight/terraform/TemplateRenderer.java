package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders the parts of a template (a quoted string, a heredoc, a template file) in order: literal text,
 * interpolations, {@code %{ if }} and {@code %{ for }} directives. What is known becomes text; what is not stays a
 * piece of its own (a reference, an unknown), so the result is a {@link Value.Template} that keeps it. The pieces go
 * to an {@link Output}, which may also note where each one was written.
 */
final class TemplateRenderer {
    /** Receives the rendered pieces in order. */
    interface Output {
        /** Literal text of the template, escapes decoded and strip markers applied. */
        void literal(TemplatePart.Literal literal);

        /** A piece an interpolation or directive written at {@code at} gave: known text, or a value not known. */
        void piece(Value piece, Span at);
    }

    private final Evaluator evaluator;

    TemplateRenderer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The template's value: a known string when every piece is known, else a {@link Value.Template}. */
    Value value(List<TemplatePart> parts, Span span, Bindings b) {
        // a single interpolation with nothing around it keeps the value's own type, as in Terraform
        if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation only) {
            return evaluator.eval(only.expression(), b).at(span);
        }
        List<Value> pieces = new ArrayList<>();
        render(parts, b, new Output() {
            @Override
            public void literal(TemplatePart.Literal literal) {
                pieces.add(new Value.Str(literal.text(), literal.span()));
            }

            @Override
            public void piece(Value piece, Span at) {
                pieces.add(piece);
            }
        });
        return join(pieces, span);
    }

    /** Renders {@code parts} into {@code out}. */
    void render(List<TemplatePart> parts, Bindings b, Output out) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal l) {
                out.literal(l);
            } else if (part instanceof TemplatePart.Interpolation i) {
                interpolation(i, b, out);
            } else if (part instanceof TemplatePart.If d) {
                Value cond = evaluator.eval(d.condition(), b);
                if (cond instanceof Value.Bool bo) {
                    render(bo.value() ? d.then() : d.otherwise(), b, out);
                } else {
                    out.piece(new Value.Unknown("template condition is not known", d.span()), d.span());
                }
            } else if (part instanceof TemplatePart.For d) {
                loop(d, b, out);
            }
        }
    }

    private void interpolation(TemplatePart.Interpolation i, Bindings b, Output out) {
        Optional<Expression> encoded = jsonencodeArgument(i.expression());
        if (encoded.isPresent()) {
            // the evaluator keeps jsonencode()'s argument as a structure; inside a template it is JSON text
            JsonEncoding.write(evaluator.eval(encoded.get(), b), piece -> out.piece(piece, i.span()));
            return;
        }
        Value piece = stringPart(evaluator.eval(i.expression(), b), i.span());
        if (piece instanceof Value.Template nested) {
            for (Value p : nested.parts()) {
                out.piece(p, i.span());
            }
        } else {
            out.piece(piece, i.span());
        }
    }

    private static Optional<Expression> jsonencodeArgument(Expression e) {
        if (e instanceof Expression.FunctionCall f && !f.expandFinal() && f.args().size() == 1
                && (f.name().equals("jsonencode") || f.name().equals("core::jsonencode"))) {
            return Optional.of(f.args().get(0));
        }
        return Optional.empty();
    }

    private void loop(TemplatePart.For d, Bindings b, Output out) {
        Value coll = evaluator.eval(d.collection(), b);
        if (coll instanceof Value.ListValue l) {
            for (int i = 0; i < l.items().size(); i++) {
                Bindings inner = b.bind(d.valueVar(), l.items().get(i));
                if (d.keyVar() != null) {
                    inner = inner.bind(d.keyVar(), new Value.Num(BigDecimal.valueOf(i), null));
                }
                render(d.body(), inner, out);
            }
        } else if (coll instanceof Value.MapValue m) {
            // Terraform visits a map's elements in lexical order of their keys
            for (Map.Entry<String, Value> e : new TreeMap<>(m.entries()).entrySet()) {
                Bindings inner = b.bind(d.valueVar(), e.getValue());
                if (d.keyVar() != null) {
                    inner = inner.bind(d.keyVar(), new Value.Str(e.getKey(), null));
                }
                render(d.body(), inner, out);
            }
        } else {
            out.piece(new Value.Unknown("template loop over a collection that is not known", d.span()), d.span());
        }
    }

    /** How a value shows inside a string: its text when known, itself (a reference or unknown) otherwise. */
    private static Value stringPart(Value v, Span span) {
        Optional<String> t = Values.text(v);
        if (t.isPresent()) {
            return new Value.Str(t.get(), span);
        }
        if (v instanceof Value.Template) {
            return v;
        }
        if (v instanceof Value.Null) {
            throw new EvalException(span, "a null value cannot be used in a string template");
        }
        if (v instanceof Value.ListValue || v instanceof Value.MapValue) {
            throw new EvalException(span, "a collection cannot be used in a string template");
        }
        return v;
    }

    /** The pieces joined: one string when all are known, else a template of known text and other values. */
    static Value join(List<Value> pieces, Span span) {
        StringBuilder text = new StringBuilder();
        List<Value> merged = new ArrayList<>();
        boolean allKnown = true;
        for (Value p : pieces) {
            if (p instanceof Value.Str s) {
                text.append(s.value());
            } else {
                allKnown = false;
                if (!text.isEmpty()) {
                    merged.add(new Value.Str(text.toString(), null));
                    text.setLength(0);
                }
                merged.add(p);
            }
        }
        if (allKnown) {
            return new Value.Str(text.toString(), span);
        }
        if (!text.isEmpty()) {
            merged.add(new Value.Str(text.toString(), null));
        }
        return new Value.Template(merged, span);
    }
}
