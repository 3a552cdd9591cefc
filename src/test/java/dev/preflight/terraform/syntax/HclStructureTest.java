package dev.preflight.terraform.syntax;

import static dev.preflight.terraform.syntax.HclTestSupport.as;
import static dev.preflight.terraform.syntax.HclTestSupport.assertSpan;
import static dev.preflight.terraform.syntax.HclTestSupport.parse;
import static dev.preflight.terraform.syntax.HclTestSupport.parseError;
import static dev.preflight.terraform.syntax.HclTestSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies, attributes, blocks, comments and line endings, with exact spans. */
class HclStructureTest {

    @Test
    void attributeSpans() {
        ConfigFile f = parse("name = 42\n");
        Attribute a = f.body().attributes().get(0);
        assertEquals("name", a.name());
        assertSpan("1:1-1:5", a.nameSpan());
        assertSpan("1:8-1:10", a.value());
        assertSpan("1:1-1:10", a);
        assertSpan("1:1-2:1", f.body());
    }

    @Test
    void blockWithQuotedAndBareLabels() {
        ConfigFile f = parse("resource \"aws_s3_bucket\" logs {\n  bucket = \"b\"\n}\n");
        Block b = f.body().blocks().get(0);
        assertEquals("resource", b.type());
        assertSpan("1:1-1:9", b.typeSpan());
        assertEquals(List.of("aws_s3_bucket", "logs"), b.labels().stream().map(Block.Label::value).toList());
        assertSpan("1:10-1:25", b.labels().get(0));
        assertSpan("1:26-1:30", b.labels().get(1));
        assertSpan("1:31-3:2", b.body());
        assertSpan("1:1-3:2", b);
        Attribute bucket = b.body().attribute("bucket").orElseThrow();
        assertSpan("2:3-2:15", bucket);
        assertEquals("b", as(Expression.Template.class, bucket.value()).literalText());
    }

    @Test
    void nestedBlocksAndAttributesKeepSourceOrder() {
        ConfigFile f = parse("a {\n  x = 1\n  b \"l\" {\n    c {}\n  }\n  y = 2\n}\n");
        Block a = f.body().blocks().get(0);
        assertEquals(3, a.body().items().size());
        assertEquals("x", ((Attribute) a.body().items().get(0)).name());
        Block b = (Block) a.body().items().get(1);
        assertEquals("l", b.label(0));
        Block c = b.body().blocks().get(0);
        assertSpan("4:5-4:9", c);
        assertTrue(c.body().items().isEmpty());
        assertEquals("y", ((Attribute) a.body().items().get(2)).name());
    }

    @Test
    void oneLineBlocks() {
        ConfigFile f = parse("a { x = 1 }\nb \"l\" {}\n");
        Block a = f.body().blocks().get(0);
        assertSpan("1:1-1:12", a);
        assertSpan("1:5-1:10", a.body().attributes().get(0));
        assertEquals(0, f.body().blocks().get(1).body().items().size());
    }

    @Test
    void oneLineBlockHoldsOnlyOneAttribute() {
        HclSyntaxException e = parseError("a { x = 1, y = 2 }\n");
        assertSpan("1:10-1:11", e.where());
        assertTrue(e.getMessage().contains("only one attribute"), e.getMessage());
        assertSpan("1:7-1:8", parseError("a { b { } }\n").where());
    }

    @Test
    void commentsAreCollectedWithSpansAndWithoutMarkers() {
        ConfigFile f = parse("# one\na = 1 // two\n/* three\n */ b = 2\n");
        List<Comment> c = f.comments();
        assertEquals(List.of(" one", " two", " three\n "), c.stream().map(Comment::text).toList());
        assertSpan("1:1-1:6", c.get(0));
        assertSpan("2:7-2:13", c.get(1));
        assertSpan("3:1-4:4", c.get(2));
        assertEquals(List.of("a", "b"), f.body().attributes().stream().map(Attribute::name).toList());
        assertSpan("4:5-4:10", f.body().attributes().get(1));
    }

    @Test
    void crlfAndByteOrderMark() {
        ConfigFile f = parse("\uFEFFa = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
        assertSpan("1:1-1:6", f.body().attributes().get(0));
        Block b = f.body().blocks().get(0);
        assertSpan("2:1-4:2", b);
        assertSpan("3:3-3:10", b.body().attributes().get(0));
    }

    @Test
    void emptyAndBlankFiles() {
        assertEquals(0, parse("").body().items().size());
        assertEquals(0, parse("\n\n  # only a comment\n").body().items().size());
    }

    @Test
    void lastItemNeedsNoTrailingNewline() {
        assertEquals(1, parse("a = 1").body().items().size());
        assertEquals(1, parse("a {}").body().items().size());
    }

    @Test
    void identifiersMayContainDashes() {
        ConfigFile f = parse("my-attr = count.index-1\n");
        assertEquals("my-attr", f.body().attributes().get(0).name());
        // As in HCL, 'index-1' is one identifier: spaces are needed for subtraction.
        assertEquals("count.index-1", tree(f.body().attributes().get(0).value()));
    }

    @Test
    void missingClosingBraceNamesTheOpeningLine() {
        HclSyntaxException e = parseError("resource \"a\" \"b\" {\n  x = 1\n");
        assertSpan("3:1-3:1", e.where());
        assertEquals("expected '}' to close the block opened at line 1, column 18", e.getMessage());
    }

    @Test
    void strayCharacter() {
        HclSyntaxException e = parseError("a = 1;\n");
        assertSpan("1:6-1:7", e.where());
        assertEquals("unexpected character ';'", e.getMessage());
    }

    @Test
    void attributesMustEndAtTheLineEnd() {
        HclSyntaxException e = parseError("a = 1 b = 2\n");
        assertSpan("1:7-1:8", e.where());
        assertTrue(e.getMessage().startsWith("expected a newline after the value of 'a'"), e.getMessage());
        assertSpan("2:9-2:10", parseError("a {\n  x = 1 }\n").where());
    }

    @Test
    void redefinedAttribute() {
        HclSyntaxException e = parseError("a = 1\nb {\n}\na = 2\n");
        assertSpan("4:1-4:2", e.where());
        assertTrue(e.getMessage().contains("already defined at line 1"), e.getMessage());
    }

    @Test
    void badBlockHeaders() {
        assertSpan("1:3-1:4", parseError("a ( {}\n").where());
        assertSpan("1:4-1:6", parseError("a \"${x}\" {}\n").where());
        assertSpan("1:1-1:2", parseError("}\n").where());
        assertSpan("1:1-1:2", parseError("\"a\" = 1\n").where());
    }

    @Test
    void unterminatedConstructs() {
        assertTrue(parseError("a = \"abc\n").getMessage().startsWith("unterminated string"));
        assertTrue(parseError("a = <<EOT\nxx\n").getMessage().startsWith("unterminated heredoc"));
        assertTrue(parseError("/* never closed\na = 1\n").getMessage().startsWith("unterminated comment"));
        assertTrue(parseError("a = \"${b\"\n").getMessage().contains("'}'"));
        assertTrue(parseError("a = [1, 2\n").getMessage().contains("']'"));
    }
}
