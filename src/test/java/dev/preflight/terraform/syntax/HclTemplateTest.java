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

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted templates, escapes, interpolations, directives, strip markers and heredocs. */
class HclTemplateTest {

    private static Expression.Template template(String expression) {
        return as(Expression.Template.class, expr(expression));
    }

    @Test
    void plainAndEmptyStrings() {
        Expression.Template t = template("\"hello\"");
        assertEquals("hello", t.literalText());
        assertFalse(t.heredoc());
        assertSpan("1:5-1:12", t);
        assertSpan("1:6-1:11", t.parts().get(0));
        Expression.Template empty = template("\"\"");
        assertEquals(List.of(), empty.parts());
        assertEquals("", empty.literalText());
    }

    @Test
    void allEscapes() {
        assertEquals("a\nb\tc\rd\"e\\f é 😀 ${x} %{y} $ %",
                template("\"a\\nb\\tc\\rd\\\"e\\\\f \\u00e9 \\U0001F600 $${x} %%{y} $ %\"").literalText());
        assertTrue(parseError("x = \"\\q\"\n").getMessage().startsWith("invalid escape sequence '\\q'"));
        assertSpan("1:6-1:8", parseError("x = \"\\q\"\n").where());
        assertTrue(parseError("x = \"\\u12\"\n").getMessage().contains("4 hexadecimal digits"));
    }

    @Test
    void interpolationsWithSpans() {
        Expression.Template t = template("\"a-${var.b}-c\"");
        assertEquals(3, t.parts().size());
        assertEquals("a-", as(TemplatePart.Literal.class, t.parts().get(0)).text());
        assertSpan("1:6-1:8", t.parts().get(0));
        TemplatePart.Interpolation i = as(TemplatePart.Interpolation.class, t.parts().get(1));
        assertSpan("1:8-1:16", i);
        assertEquals("var.b", tree(i.expression()));
        assertSpan("1:16-1:18", t.parts().get(2));
        assertNull(t.literalText());
        assertEquals(3, template("\"${var.a}/${var.b}\"").parts().size());
    }

    @Test
    void nestedStringsInsideInterpolations() {
        Expression.Template t = template("\"${format(\"%s-${x}\", \"}\")}\"");
        TemplatePart.Interpolation i = as(TemplatePart.Interpolation.class, t.parts().get(0));
        Expression.FunctionCall f = as(Expression.FunctionCall.class, i.expression());
        assertEquals(2, as(Expression.Template.class, f.args().get(0)).parts().size());
        assertEquals("}", as(Expression.Template.class, f.args().get(1)).literalText());
        Expression.Template withMap = template("\"${merge({ a = 1 }, {})}\"");
        assertEquals(1, withMap.parts().size());
    }

    @Test
    void ifElseDirective() {
        Expression.Template t = template("\"%{ if var.x }yes%{ else }no%{ endif }\"");
        TemplatePart.If f = as(TemplatePart.If.class, t.parts().get(0));
        assertEquals("var.x", tree(f.condition()));
        assertEquals("yes", as(TemplatePart.Literal.class, f.then().get(0)).text());
        assertEquals("no", as(TemplatePart.Literal.class, f.otherwise().get(0)).text());
        assertSpan("1:6-1:43", f);
        TemplatePart.If noElse = as(TemplatePart.If.class, template("\"%{if a}b%{endif}\"").parts().get(0));
        assertEquals(List.of(), noElse.otherwise());
    }

    @Test
    void forDirective() {
        Expression.Template t = template("\"%{ for k, v in var.m }${k}=${v};%{ endfor }\"");
        TemplatePart.For f = as(TemplatePart.For.class, t.parts().get(0));
        assertEquals("k", f.keyVar());
        assertEquals("v", f.valueVar());
        assertEquals("var.m", tree(f.collection()));
        assertEquals(4, f.body().size());
        assertSpan("1:6-1:49", f);
        TemplatePart.For single = as(TemplatePart.For.class, template("\"%{for v in l}${v}%{endfor}\"").parts().get(0));
        assertNull(single.keyVar());
    }

    @Test
    void directiveErrors() {
        assertTrue(parseError("x = \"%{ if a }b\"\n").getMessage().contains("%{ endif }"));
        assertTrue(parseError("x = \"%{ endfor }\"\n").getMessage().contains("without a matching"));
        assertTrue(parseError("x = \"%{ for a in b }%{ endif }\"\n").getMessage().contains("%{ endfor }"));
        assertTrue(parseError("x = \"%{ when a }\"\n").getMessage().contains("not a template directive"));
    }

    @Test
    void stripMarkers() {
        Expression.Template t = template("\"a  ${~ b ~}  c\"");
        assertEquals("a", as(TemplatePart.Literal.class, t.parts().get(0)).text());
        TemplatePart.Interpolation i = as(TemplatePart.Interpolation.class, t.parts().get(1));
        assertTrue(i.stripLeft());
        assertTrue(i.stripRight());
        assertEquals("c", as(TemplatePart.Literal.class, t.parts().get(2)).text());
        TemplatePart.If f = as(TemplatePart.If.class, template("\"%{ if true ~}  hello  %{~ endif }\"").parts().get(0));
        assertEquals("hello", as(TemplatePart.Literal.class, f.then().get(0)).text());
    }

    @Test
    void heredoc() {
        Expression.Template t = as(Expression.Template.class,
                value("x = <<EOT\n  hello ${var.name}\n    bye\nEOT\ny = 1\n"));
        assertTrue(t.heredoc());
        assertSpan("1:5-4:4", t);
        assertEquals("  hello ", as(TemplatePart.Literal.class, t.parts().get(0)).text());
        assertEquals("\n    bye\n", as(TemplatePart.Literal.class, t.parts().get(2)).text());
        assertSpan("2:20-4:1", t.parts().get(2));
    }

    @Test
    void indentedHeredocStripsTheSmallestIndentation() {
        Expression.Template t = as(Expression.Template.class, value("h = <<-EOT\n    line1\n      line2\n  EOT\n"));
        assertEquals("line1\n  line2\n", t.literalText());
        assertSpan("1:5-4:6", t);
    }

    @Test
    void indentedHeredocCountsInterpolationLinesAndSkipsBlankLines() {
        // The interpolation line is indented by 3: that is the smallest, blank lines do not count.
        Expression.Template t = as(Expression.Template.class,
                value("e = <<-EOT\n    x\n\n   ${y}\n  EOT\n"));
        assertEquals(" x\n\n", as(TemplatePart.Literal.class, t.parts().get(0)).text());
        assertEquals("y", tree(as(TemplatePart.Interpolation.class, t.parts().get(1)).expression()));
        // A line starting with an interpolation has indentation 0, so nothing is stripped.
        Expression.Template zero = as(Expression.Template.class, value("e = <<-EOT\n    x\n${y}\nEOT\n"));
        assertEquals("    x\n", as(TemplatePart.Literal.class, zero.parts().get(0)).text());
        // Tabs count as one character each.
        assertEquals("a\n b\n", as(Expression.Template.class, value("e = <<-EOT\n\t\ta\n\t\t b\n\tEOT\n")).literalText());
    }

    @Test
    void heredocWithCrlfKeepsTheLineEndings() {
        Expression.Template t = as(Expression.Template.class, value("a = <<-EOT\r\n    x\r\n\r\n      y\r\n    EOT\r\n"));
        assertEquals("x\r\n\r\n  y\r\n", t.literalText());
    }

    @Test
    void heredocMarkerMustBeAloneOnItsLine() {
        Expression.Template t = as(Expression.Template.class, value("a = <<EOT\nEOT2\n EOTx\nEOT\n"));
        assertEquals("EOT2\n EOTx\n", t.literalText());
        assertTrue(parseError("a = <<EOT x\nEOT\n").getMessage().contains("must be followed by a newline"));
    }
}
