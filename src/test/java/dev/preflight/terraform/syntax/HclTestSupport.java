package dev.preflight.terraform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;

/** Small helpers shared by the parser tests. */
final class HclTestSupport {
    private HclTestSupport() {
    }

    /** Parses text that must be valid. */
    static ConfigFile parse(String text) {
        try {
            return HclParser.parse(SourceFile.of("test.tf", text));
        } catch (HclSyntaxException e) {
            fail("unexpected syntax error at " + e.where() + ": " + e.getMessage());
            return null;
        }
    }

    /** Parses text that must be invalid, and returns the error. */
    static HclSyntaxException parseError(String text) {
        return assertThrows(HclSyntaxException.class, () -> HclParser.parse(SourceFile.of("test.tf", text)));
    }

    /** The value of the only (or first) attribute of a one-attribute file. */
    static Expression value(String text) {
        ConfigFile f = parse(text);
        return f.body().attributes().get(0).value();
    }

    /** The value of {@code x = <expr>}. */
    static Expression expr(String expression) {
        return value("x = " + expression + "\n");
    }

    /** Asserts the span as "line:col-endLine:endCol". */
    static void assertSpan(String expected, Node node) {
        assertSpan(expected, node.span());
    }

    /** Asserts the span as "line:col-endLine:endCol". */
    static void assertSpan(String expected, Span span) {
        assertEquals(expected, span.line() + ":" + span.column() + "-" + span.endLine() + ":" + span.endColumn());
    }

    /** Casts with a clear failure message. */
    static <T> T as(Class<T> type, Object value) {
        return assertInstanceOf(type, value);
    }

    /** A compact rendering of an expression tree for structural assertions. */
    static String tree(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return n.value().toString();
        } else if (e instanceof Expression.BoolLiteral b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Expression.NullLiteral) {
            return "null";
        } else if (e instanceof Expression.Variable v) {
            return v.name();
        } else if (e instanceof Expression.GetAttr g) {
            return tree(g.source()) + "." + g.name();
        } else if (e instanceof Expression.Index i) {
            return tree(i.source()) + "[" + tree(i.key()) + "]";
        } else if (e instanceof Expression.Splat s) {
            return "splat" + (s.legacy() ? "L" : "") + "(" + tree(s.source()) + " each " + tree(s.each()) + ")";
        } else if (e instanceof Expression.SplatItem) {
            return "@";
        } else if (e instanceof Expression.Binary b) {
            return "(" + tree(b.left()) + " " + b.op().symbol() + " " + tree(b.right()) + ")";
        } else if (e instanceof Expression.Unary u) {
            return "(" + u.op().symbol() + tree(u.operand()) + ")";
        } else if (e instanceof Expression.Conditional c) {
            return "(" + tree(c.condition()) + " ? " + tree(c.then()) + " : " + tree(c.otherwise()) + ")";
        } else if (e instanceof Expression.Parens p) {
            return "(" + tree(p.inner()) + ")";
        } else if (e instanceof Expression.FunctionCall f) {
            StringBuilder sb = new StringBuilder(f.name()).append("(");
            for (int i = 0; i < f.args().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(tree(f.args().get(i)));
            }
            return sb.append(f.expandFinal() ? "...)" : ")").toString();
        } else if (e instanceof Expression.Tuple t) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < t.elements().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(tree(t.elements().get(i)));
            }
            return sb.append("]").toString();
        } else if (e instanceof Expression.ObjectCons o) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < o.items().size(); i++) {
                var item = o.items().get(i);
                sb.append(i > 0 ? ", " : "").append(tree(item.key())).append(" = ").append(tree(item.value()));
            }
            return sb.append("}").toString();
        } else if (e instanceof Expression.Template t) {
            String lit = t.literalText();
            return lit != null ? "\"" + lit + "\"" : "template" + t.parts().size();
        } else if (e instanceof Expression.For f) {
            return "for(" + (f.keyVar() == null ? "" : f.keyVar() + ",") + f.valueVar() + " in " + tree(f.collection())
                    + ": " + (f.keyExpr() == null ? "" : tree(f.keyExpr()) + " => ") + tree(f.valueExpr())
                    + (f.grouping() ? "..." : "") + (f.condition() == null ? "" : " if " + tree(f.condition()))
                    + (f.objectResult() ? " {}" : " []") + ")";
        }
        throw new AssertionError("unknown expression " + e);
    }
}
