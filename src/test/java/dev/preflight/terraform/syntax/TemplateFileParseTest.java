package dev.preflight.terraform.syntax;

import static dev.preflight.terraform.syntax.HclTestSupport.as;
import static dev.preflight.terraform.syntax.HclTestSupport.assertSpan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Template files, as {@code templatefile()} reads them: all text is template, to the end of the file. */
class TemplateFileParseTest {

    private static Expression.Template parse(String text) throws HclSyntaxException {
        return HclParser.parseTemplate(SourceFile.of("task.json.tftpl", text));
    }

    @Test
    void literalTextInterpolationsAndDirectivesWithPositions() throws HclSyntaxException {
        Expression.Template t = parse("""
                [{"name": "${name}",
                %{ for p in ports ~}
                  "port": ${p},
                %{ endfor ~}
                "cpu": 1}]
                """);
        assertEquals(5, t.parts().size());
        assertEquals("[{\"name\": \"", as(TemplatePart.Literal.class, t.parts().get(0)).text());
        assertSpan("1:1-1:12", t.parts().get(0));
        TemplatePart.Interpolation name = as(TemplatePart.Interpolation.class, t.parts().get(1));
        assertSpan("1:12-1:19", name);
        assertEquals("\",\n", as(TemplatePart.Literal.class, t.parts().get(2)).text());
        TemplatePart.For loop = as(TemplatePart.For.class, t.parts().get(3));
        assertEquals("p", loop.valueVar());
        // the strip marker after the for removes all whitespace up to the body's text, across the line break
        assertEquals("\"port\": ", as(TemplatePart.Literal.class, loop.body().get(0)).text());
        assertSpan("1:1-6:1", t);
    }

    @Test
    void escapesAreDecodedAndNoClosingMarkerIsNeeded() throws HclSyntaxException {
        Expression.Template t = parse("$${literal} %%{ also } EOT\n");
        assertEquals("${literal} %{ also } EOT\n", t.literalText());
    }

    @Test
    void anUnclosedSequenceIsASyntaxErrorWithItsPosition() {
        HclSyntaxException e = assertThrows(HclSyntaxException.class, () -> parse("a\n${name\n"));
        // reported where the closing brace was expected, naming where the sequence opened
        assertEquals(3, e.where().line());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        HclSyntaxException d = assertThrows(HclSyntaxException.class, () -> parse("%{ if x }a\n"));
        assertTrue(d.getMessage().contains("endif"), d.getMessage());
    }
}
