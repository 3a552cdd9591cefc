package dev.preflight.cloudformation.syntax;

import static dev.preflight.cloudformation.syntax.YamlSyntaxTest.at;
import static dev.preflight.cloudformation.syntax.YamlSyntaxTest.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSyntaxTest {

    static ParsedTemplate parse(String json) {
        return new JsonTemplateParser().parse(SourceFile.of("t.json", json));
    }

    static MappingNode root(String json) {
        ParsedTemplate parsed = parse(json);
        assertEquals(List.of(), parsed.problems());
        return (MappingNode) parsed.root();
    }

    @ParameterizedTest
    @CsvSource({"Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If",
        "Fn::FindInMap", "Fn::GetAZs", "Fn::ImportValue", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::And",
        "Fn::Or", "Fn::Not", "Fn::Transform", "Fn::Contains", "Fn::ValueOf"})
    void everyLongFormIsAFunctionWithExactSpans(String name) {
        // {"K": {"<name>": "Arg"}}
        MappingNode root = root("{\"K\": {\"" + name + "\": \"Arg\"}}");
        FunctionNode f = assertInstanceOf(FunctionNode.class, root.get("K").orElseThrow());
        assertEquals(name, f.name());
        int nameEnd = 8 + name.length() + 2;
        assertEquals("1:8-1:" + nameEnd, at(f.nameSpan()));
        assertEquals("1:7-1:" + (nameEnd + 8), at(f.span()));
        ScalarNode arg = (ScalarNode) f.argument();
        assertEquals("Arg", arg.text());
        assertEquals("1:" + (nameEnd + 2) + "-1:" + (nameEnd + 7), at(arg.span()));
    }

    @Test
    void spansOfEveryTokenKind() {
        MappingNode root = root("""
                {
                  "A": ["x\\"y", 12.5e1, true, null, {}],
                  "B": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}
                }""");
        assertEquals("1:1-4:2", at(root.span()));
        assertEquals("2:3-2:6", at(root.entry("A").orElseThrow().keySpan()));
        SequenceNode a = (SequenceNode) root.get("A").orElseThrow();
        assertEquals("2:8-2:40", at(a.span()));
        ScalarNode escaped = (ScalarNode) a.items().get(0);
        assertEquals("x\"y", escaped.text());
        assertEquals("2:9-2:15", at(escaped.span()));
        ScalarNode number = (ScalarNode) a.items().get(1);
        assertEquals("12.5e1", number.text());
        assertEquals(ScalarType.NUMBER, number.type());
        assertEquals("2:17-2:23", at(number.span()));
        assertEquals(ScalarType.BOOLEAN, ((ScalarNode) a.items().get(2)).type());
        assertEquals("2:25-2:29", at(a.items().get(2).span()));
        assertEquals(ScalarType.NULL, ((ScalarNode) a.items().get(3)).type());
        assertEquals("2:37-2:39", at(a.items().get(4).span()));
        FunctionNode getAtt = (FunctionNode) root.get("B").orElseThrow();
        assertEquals("3:8-3:44", at(getAtt.span()));
        assertEquals("3:23-3:43", at(getAtt.argument().span()));
    }

    @Test
    void duplicateKeysAreReportedWithBothLinesAndLoadingGoesOn() {
        ParsedTemplate parsed = parse("{\n  \"A\": 1,\n  \"A\": 2,\n  \"B\": 3\n}");
        assertEquals("3:3-3:6 duplicate key 'A' (lines 2 and 3): the value of line 3 is read and line 2 is ignored,"
                + " as CloudFormation does, but `aws cloudformation package`/`deploy` and cfn-lint reject the"
                + " template", messages(parsed));
        MappingNode root = (MappingNode) parsed.root();
        assertEquals("2", ((ScalarNode) root.get("A").orElseThrow()).text());
        assertTrue(root.get("B").isPresent());
    }

    @Test
    void commentsAreReportedButTheTemplateStillLoads() {
        ParsedTemplate parsed = parse("{\n  // a note\n  \"A\": 1\n}");
        assertEquals("2:3-2:3 comment in a JSON template: JSON has no comments and CloudFormation rejects the"
                + " template", messages(parsed));
        assertTrue(((MappingNode) parsed.root()).get("A").isPresent());
    }

    @Test
    void syntaxErrorsArePositionedAndReadable() {
        ParsedTemplate parsed = parse("{\n  \"A\": 1,\n}");
        assertNull(parsed.root());
        String m = messages(parsed);
        assertTrue(m.startsWith("3:1-3:1 JSON syntax error: Unexpected character ('}'"), m);
        assertTrue(!m.contains("code 125") && !m.contains("Source:"), m);

        ParsedTemplate truncated = parse("{\"A\": [1, 2");
        assertTrue(messages(truncated).contains("JSON syntax error: Unexpected end-of-input"),
                messages(truncated));
    }

    @Test
    void trailingContentAndEmptyInputAreProblems() {
        assertTrue(messages(parse("{} {}")).contains("content after the end of the template (line 1)"));
        assertEquals("1:1-1:1 empty template: no JSON value", messages(parse("   ")));
        assertInstanceOf(SequenceNode.class, parse("[]").root());
    }
}
