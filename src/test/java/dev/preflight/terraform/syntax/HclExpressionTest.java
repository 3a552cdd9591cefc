package dev.preflight.terraform.syntax;

import static dev.preflight.terraform.syntax.HclTestSupport.as;
import static dev.preflight.terraform.syntax.HclTestSupport.assertSpan;
import static dev.preflight.terraform.syntax.HclTestSupport.expr;
import static dev.preflight.terraform.syntax.HclTestSupport.parseError;
import static dev.preflight.terraform.syntax.HclTestSupport.tree;
import static dev.preflight.terraform.syntax.HclTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The expression language: literals, collections, traversals, splats, calls, operators, for-expressions. */
class HclExpressionTest {

    @Test
    void numbers() {
        for (String[] c : new String[][] {{"42", "42"}, {"1.5", "1.5"}, {"1e3", "1000"}, {"1.5E-2", "0.015"},
                {"2e+2", "200"}, {"0", "0"}}) {
            Expression.NumberLiteral n = as(Expression.NumberLiteral.class, expr(c[0]));
            assertEquals(0, new BigDecimal(c[1]).compareTo(n.value()), c[0]);
        }
        assertSpan("1:5-1:11", expr("1.5E-2"));
    }

    @Test
    void keywordsAndVariables() {
        assertTrue(as(Expression.BoolLiteral.class, expr("true")).value());
        assertFalse(as(Expression.BoolLiteral.class, expr("false")).value());
        as(Expression.NullLiteral.class, expr("null"));
        Expression.Variable v = as(Expression.Variable.class, expr("each"));
        assertEquals("each", v.name());
        assertSpan("1:5-1:9", v);
    }

    @Test
    void attributeAccessAndIndex() {
        Expression e = expr("aws_subnet.a[count.index].id");
        assertEquals("aws_subnet.a[count.index].id", tree(e));
        Expression.GetAttr id = as(Expression.GetAttr.class, e);
        assertSpan("1:31-1:33", id.nameSpan());
        assertSpan("1:5-1:33", id);
        Expression.Index index = as(Expression.Index.class, id.source());
        assertSpan("1:5-1:30", index);
        assertSpan("1:18-1:29", index.key());
    }

    @Test
    void legacyIndex() {
        Expression.GetAttr id = as(Expression.GetAttr.class, expr("aws_instance.web.0.id"));
        Expression.Index i = as(Expression.Index.class, id.source());
        assertEquals("aws_instance.web[0]", tree(i));
        assertSpan("1:5-1:23", i);
        assertSpan("1:22-1:23", i.key());
        assertTrue(parseError("x = a.0.0\n").getMessage().contains("whole number"));
    }

    @Test
    void fullSplatFoldsTheFollowingTraversal() {
        Expression.Splat s = as(Expression.Splat.class, expr("aws_subnet.a[*].tags[\"Name\"].x"));
        assertFalse(s.legacy());
        assertEquals("splat(aws_subnet.a each @.tags[\"Name\"].x)", tree(s));
        assertSpan("1:5-1:35", s);
        assertEquals("splat(a each @)", tree(expr("a[*]")));
        assertSpan("1:5-1:9", expr("a[*]"));
    }

    @Test
    void legacySplatFoldsOnlyAttributes() {
        assertEquals("splatL(aws_instance.x each @.id)", tree(expr("aws_instance.x.*.id")));
        assertEquals("splatL(a each @.b)[0]", tree(expr("a.*.b[0]")));
        assertSpan("1:5-1:10", ((Expression.Index) expr("a.*.b[0]")).source());
    }

    @Test
    void functionCalls() {
        Expression.FunctionCall f = as(Expression.FunctionCall.class, expr("merge(var.a, {\n  k = 1\n},\n)"));
        assertEquals("merge", f.name());
        assertEquals(2, f.args().size());
        assertSpan("1:5-1:10", f.nameSpan());
        assertSpan("1:5-4:2", f);
        assertEquals("merge(var.list...)", tree(expr("merge(var.list...)")));
        assertTrue(as(Expression.FunctionCall.class, expr("f(a, b...)")).expandFinal());
        assertEquals("f()", tree(expr("f()")));
        assertEquals("list(var.a, var.b)", tree(expr("list(var.a, var.b)")));
    }

    @Test
    void providerNamespacedFunctions() {
        Expression.FunctionCall f = as(Expression.FunctionCall.class, expr("provider::aws::arn_parse(var.arn)"));
        assertEquals("provider::aws::arn_parse", f.name());
        assertSpan("1:5-1:29", f.nameSpan());
        assertSpan("1:5-1:38", f);
    }

    @Test
    void operatorPrecedenceAndLeftAssociativity() {
        assertEquals("(((1 + (2 * 3)) - 4) - 5)", tree(expr("1 + 2 * 3 - 4 - 5")));
        assertEquals("((a / b) * c)", tree(expr("a / b * c")));
        assertEquals("(a || (b && (c == d)))", tree(expr("a || b && c == d")));
        assertEquals("(((a < b) == (c >= d)) != e)", tree(expr("a < b == c >= d != e")));
        assertEquals("(((-x) * 2) % 3)", tree(expr("-x * 2 % 3")));
        assertEquals("((!a) && (!(!b)))", tree(expr("!a && !!b")));
        assertEquals("(a > (b + 1))", tree(expr("a > b + 1")));
        assertEquals("((a <= b) || (c != d))", tree(expr("a <= b || c != d")));
        Expression.Binary b = as(Expression.Binary.class, expr("1 + 2 * 3"));
        assertSpan("1:5-1:14", b);
        assertSpan("1:9-1:14", b.right());
    }

    @Test
    void conditionalsNestToTheRight() {
        assertEquals("((a == 1) ? b : (c ? d : e))", tree(expr("a == 1 ? b : c ? d : e")));
        assertSpan("1:5-1:27", expr("a == 1 ? b : c ? d : e"));
        assertEquals("(x ? (y) : z)", tree(expr("x ? (\n  y\n) : z")));
    }

    @Test
    void parentheses() {
        Expression.Parens p = as(Expression.Parens.class, expr("(\n  1 + 2\n)"));
        assertSpan("1:5-3:2", p);
        assertSpan("2:3-2:8", p.inner());
    }

    @Test
    void tuplesIgnoreNewlinesAndAllowATrailingComma() {
        Expression.Tuple t = as(Expression.Tuple.class, expr("[\n  1,\n  \"a\",\n  [true],\n]"));
        assertEquals(3, t.elements().size());
        assertSpan("1:5-5:2", t);
        assertEquals("[]", tree(expr("[]")));
        assertTrue(parseError("x = [1 2]\n").getMessage().startsWith("expected ',' or ']'"));
    }

    @Test
    void objectKeysOfEveryKind() {
        Expression.ObjectCons o = as(Expression.ObjectCons.class,
                expr("{\n  bare = 1\n  \"quoted key\" : 2,\n  (var.k) = 3, 4 = \"four\"\n  null = 5,\n}"));
        assertEquals(5, o.items().size());
        Expression.Template bare = as(Expression.Template.class, o.items().get(0).key());
        assertEquals("bare", bare.literalText());
        assertSpan("2:3-2:7", bare);
        assertSpan("2:3-2:11", o.items().get(0));
        assertEquals("quoted key", as(Expression.Template.class, o.items().get(1).key()).literalText());
        assertSpan("3:3-3:15", o.items().get(1).key());
        Expression.Parens computed = as(Expression.Parens.class, o.items().get(2).key());
        assertEquals("var.k", tree(computed.inner()));
        assertEquals("4", tree(o.items().get(3).key()));
        assertEquals("null", as(Expression.Template.class, o.items().get(4).key()).literalText());
        assertSpan("1:5-6:2", o);
        assertEquals("{}", tree(expr("{}")));
        assertEquals("{\"a\" = 1, \"b\" = 2}", tree(expr("{ a = 1, b = 2, }")));
    }

    @Test
    void objectItemsNeedSeparators() {
        assertTrue(parseError("x = { a = 1 b = 2 }\n").getMessage().startsWith("expected ',' or a newline or '}'"));
        assertTrue(parseError("x = { a }\n").getMessage().startsWith("expected '=' or ':'"));
    }

    @Test
    void forExpressions() {
        Expression.For t = as(Expression.For.class, expr("[for s in var.list : upper(s) if s != \"\"]"));
        assertNull(t.keyVar());
        assertEquals("s", t.valueVar());
        assertFalse(t.objectResult());
        assertEquals("for(s in var.list: upper(s) if (s != \"\") [])", tree(t));
        assertSpan("1:5-1:46", t);

        Expression.For o = as(Expression.For.class, expr("{\n  # c\n  for k, v in var.m :\n  v.name => k...\n  if k != 0\n}"));
        assertEquals("k", o.keyVar());
        assertTrue(o.grouping());
        assertTrue(o.objectResult());
        assertEquals("for(k,v in var.m: v.name => k... if (k != 0) {})", tree(o));
        assertSpan("1:5-6:2", o);

        assertEquals("for(k,v in var.m: k => for(a,b in v: a => b {}) {})",
                tree(expr("{ for k, v in var.m : k => { for a, b in v : a => b } }")));
        assertEquals("merge(for(k,v in var.m: {(k) = v} [])...)", tree(expr("merge([for k, v in var.m : { (k) = v }]...)")));
    }

    @Test
    void forExpressionErrors() {
        assertTrue(parseError("x = [for in y : 1]\n").getMessage().contains("variable name"));
        assertTrue(parseError("x = [for a y : 1]\n").getMessage().contains("'in'"));
        assertTrue(parseError("x = {for a in y : a}\n").getMessage().contains("'=>'"));
    }

    @Test
    void legacyInterpolationOnlyStrings() {
        Expression.Template t = as(Expression.Template.class, expr("\"${var.x}\""));
        TemplatePart.Interpolation i = as(TemplatePart.Interpolation.class, t.parts().get(0));
        assertEquals("var.x", tree(i.expression()));
        assertSpan("1:6-1:14", i);
        assertSpan("1:8-1:13", i.expression());
    }

    @Test
    void expressionErrors() {
        HclSyntaxException e = parseError("resource \"a\" \"b\" {\n  x = = 1\n}\n");
        assertSpan("2:7-2:8", e.where());
        assertEquals("expected an expression, found '='", e.getMessage());
        assertEquals("expected an expression, found a newline", parseError("x = 1 +\n  2\n").getMessage());
        assertTrue(parseError("x = a ? b\n").getMessage().contains("':'"));
        assertTrue(parseError("x = f(a b)\n").getMessage().contains("',' or ')'"));
        assertTrue(parseError("x = a & b\n").getMessage().contains("'&&'"));
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        int n = 5000;
        String deep = "x = " + "[".repeat(n) + "]".repeat(n) + "\n";
        HclSyntaxException e = parseError(deep);
        assertTrue(e.getMessage().startsWith("nesting too deep"), e.getMessage());
        String parens = "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n";
        assertTrue(parseError(parens).getMessage().startsWith("nesting too deep"));
        String unary = "x = " + "-".repeat(n) + "1\n";
        assertTrue(parseError(unary).getMessage().startsWith("nesting too deep"));
        String blocks = "a {\n".repeat(n) + "}\n".repeat(n);
        assertTrue(parseError(blocks).getMessage().startsWith("nesting too deep"));
        String templates = "x = " + "\"${".repeat(n) + "1" + "}\"".repeat(n) + "\n";
        assertTrue(parseError(templates).getMessage().startsWith("nesting too deep"));
        // Reasonable depth is fine.
        assertEquals(1, value("x = " + "[".repeat(200) + "]".repeat(200) + "\n").span().line());
    }
}
