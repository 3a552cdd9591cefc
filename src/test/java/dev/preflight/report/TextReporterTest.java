package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void compilerStyleLineSourceCaretsAndFix() throws Exception {
        String text = ReportFixture.render(new TextReporter(false), ReportFixture.report());
        List<String> lines = text.lines().toList();
        int at = lines.indexOf("net/main.tf:2:2: error[alb-subnets-single-az] load balancer aws_lb.web has subnets in"
                + " 1 availability zone: 100% sure, \"a\"");
        assertTrue(at >= 0, text);
        assertEquals(" 2 | \tsubnets = [aws_subnet.a.id]", lines.get(at + 1));
        // the tab before the span is kept, so the carets sit under the span in any tab width
        assertEquals("   | \t" + "^".repeat(27), lines.get(at + 2));
        assertEquals("   = fix: Add a subnet in a second availability zone.", lines.get(at + 3));
        assertFalse(text.contains("queue has no name"), "suppressed findings are not shown");
        assertEquals("preflight: 2 errors, 1 warning, 0 notes in 2 files (1 suppressed, 0 in the baseline)",
                lines.get(lines.size() - 1));
        assertFalse(text.contains("\u001b["));
    }

    @Test
    void aSpanOverSeveralLinesIsUnderlinedOnItsFirstAndSaysWhereItEnds() {
        Span resource = new Span("stack.json", 3, 23, 9, 6);
        assertEquals("    ^^^^^^^^^^^^^^^^^^^ (through line 9)",
                TextReporter.underline("    \"TaskDefinition\": {", resource),
                "a lone opening bracket: the carets start under the key it belongs to");
        assertEquals("^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ (through line 9)",
                TextReporter.underline("resource \"aws_ecr_repository\" \"app\" {   ", new Span("main.tf", 3, 1, 9, 2)),
                "to the end of the line's text, not its trailing blanks");
        assertEquals("          ^^^^", TextReporter.underline("  name = \"web\"", new Span("main.tf", 1, 11, 1, 15)));
    }

    @Test
    void colourOnlyWhenAsked() throws Exception {
        String text = ReportFixture.render(new TextReporter(true), ReportFixture.report());
        assertTrue(text.contains("\u001b[31;1merror[alb-subnets-single-az]\u001b[0m"));
    }
}
