package dev.preflight.cloudformation.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YamlSyntaxTest {

    static ParsedTemplate parse(String yaml) {
        return new YamlTemplateParser().parse(SourceFile.of("t.yaml", yaml));
    }

    static MappingNode root(String yaml) {
        ParsedTemplate parsed = parse(yaml);
        assertEquals(List.of(), parsed.problems());
        return (MappingNode) parsed.root();
    }

    static String at(Span span) {
        return span.line() + ":" + span.column() + "-" + span.endLine() + ":" + span.endColumn();
    }

    static String messages(ParsedTemplate parsed) {
        return parsed.problems().stream().map(p -> at(p.where()) + " " + p.message()).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @CsvSource({
        "!Ref, Ref", "!Condition, Condition", "!GetAtt, Fn::GetAtt", "!Sub, Fn::Sub", "!Join, Fn::Join",
        "!Select, Fn::Select", "!Split, Fn::Split", "!If, Fn::If", "!FindInMap, Fn::FindInMap",
        "!GetAZs, Fn::GetAZs", "!ImportValue, Fn::ImportValue", "!Base64, Fn::Base64", "!Cidr, Fn::Cidr",
        "!Equals, Fn::Equals", "!And, Fn::And", "!Or, Fn::Or", "!Not, Fn::Not", "!Transform, Fn::Transform",
        "!Contains, Fn::Contains", "!ValueOf, Fn::ValueOf"})
    void everyShortFormTagIsAFunctionWithExactSpans(String tag, String longName) {
        MappingNode root = root("Key: " + tag + " Arg\n");
        FunctionNode f = assertInstanceOf(FunctionNode.class, root.get("Key").orElseThrow());
        assertEquals(longName, f.name());
        assertTrue(f.shortForm());
        int tagEnd = 6 + tag.length();
        assertEquals("1:6-1:" + (tagEnd + 4), at(f.span()));
        assertEquals("1:6-1:" + tagEnd, at(f.nameSpan()));
        ScalarNode arg = assertInstanceOf(ScalarNode.class, f.argument());
        assertEquals("Arg", arg.text());
        assertEquals("1:" + (tagEnd + 1) + "-1:" + (tagEnd + 4), at(arg.span()));
    }

    @ParameterizedTest
    @CsvSource({"Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If",
        "Fn::FindInMap", "Fn::GetAZs", "Fn::ImportValue", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::And",
        "Fn::Or", "Fn::Not", "Fn::Transform", "Fn::Contains", "Fn::ValueOf"})
    void everyLongFormIsTheSameFunction(String name) {
        MappingNode root = root("Key:\n  " + name + ": Arg\n");
        FunctionNode f = assertInstanceOf(FunctionNode.class, root.get("Key").orElseThrow());
        assertEquals(name, f.name());
        assertEquals(false, f.shortForm());
        assertEquals("2:3-2:" + (3 + name.length()), at(f.nameSpan()));
        assertEquals("2:3-2:" + (3 + name.length() + 5), at(f.span()));
        assertEquals("Arg", ((ScalarNode) f.argument()).text());
    }

    @Test
    void getAttInBothShortForms() {
        MappingNode root = root("A: !GetAtt Vpc.CidrBlock\nB: !GetAtt [Vpc, CidrBlock]\n");
        FunctionNode dotted = (FunctionNode) root.get("A").orElseThrow();
        assertEquals("Vpc.CidrBlock", ((ScalarNode) dotted.argument()).text());
        FunctionNode listed = (FunctionNode) root.get("B").orElseThrow();
        SequenceNode args = assertInstanceOf(SequenceNode.class, listed.argument());
        assertEquals("2:12-2:28", at(args.span()));
        assertEquals("2:13-2:16", at(args.items().get(0).span()));
        assertEquals("2:18-2:27", at(args.items().get(1).span()));
        assertEquals("2:4-2:28", at(listed.span()));
    }

    @Test
    void subInStringAndListFormsAndNestedFunctions() {
        MappingNode root = root("""
                A: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}'
                B: !Sub
                  - '${Name}-x'
                  - Name: !Ref Env
                C: !Join ['', [!Ref A, b]]
                """);
        FunctionNode a = (FunctionNode) root.get("A").orElseThrow();
        ScalarNode text = (ScalarNode) a.argument();
        assertEquals(ScalarStyle.SINGLE_QUOTED, text.style());
        assertEquals("1:9-1:47", at(text.span()));
        FunctionNode b = (FunctionNode) root.get("B").orElseThrow();
        SequenceNode list = (SequenceNode) b.argument();
        assertEquals("3:3-4:19", at(list.span()));
        assertEquals("2:4-4:19", at(b.span()));
        MappingNode vars = (MappingNode) list.items().get(1);
        FunctionNode ref = (FunctionNode) vars.get("Name").orElseThrow();
        assertEquals("4:11-4:19", at(ref.span()));
        FunctionNode join = (FunctionNode) root.get("C").orElseThrow();
        assertEquals("5:4-5:27", at(join.span()));
        SequenceNode inner = (SequenceNode) ((SequenceNode) join.argument()).items().get(1);
        assertEquals("5:15-5:26", at(inner.span()));
        assertEquals("5:16-5:22", at(inner.items().get(0).span()));
    }

    @Test
    void conditionKeyIsAFunctionOnlyWithAName() {
        MappingNode root = root("""
                A:
                  Condition: IsProd
                B:
                  Condition:
                    StringEquals: {aws:SourceVpc: vpc-1}
                """);
        assertInstanceOf(FunctionNode.class, root.get("A").orElseThrow());
        assertInstanceOf(MappingNode.class, root.get("B").orElseThrow());
    }

    @Test
    void yaml11TrapsStayTextAndOnlyPlainTrueFalseAndDecimalsAreTyped() {
        MappingNode root = root("""
                a: yes
                b: on
                c: 2010-09-09
                d: 0777
                e: 1e3
                f: true
                g: 42
                h: '42'
                i: -1.5
                j: ~
                k: 0x1F
                l: !!str true
                """);
        assertScalar(root, "a", "yes", ScalarType.STRING);
        assertScalar(root, "b", "on", ScalarType.STRING);
        assertScalar(root, "c", "2010-09-09", ScalarType.STRING);
        assertScalar(root, "d", "0777", ScalarType.STRING);
        assertScalar(root, "e", "1e3", ScalarType.STRING);
        assertScalar(root, "f", "true", ScalarType.BOOLEAN);
        assertScalar(root, "g", "42", ScalarType.NUMBER);
        assertScalar(root, "h", "42", ScalarType.STRING);
        assertScalar(root, "i", "-1.5", ScalarType.NUMBER);
        assertScalar(root, "j", "~", ScalarType.NULL);
        assertScalar(root, "k", "0x1F", ScalarType.STRING);
        assertScalar(root, "l", "true", ScalarType.STRING);
        assertEquals(ScalarStyle.SINGLE_QUOTED, ((ScalarNode) root.get("h").orElseThrow()).style());
        assertEquals("3:4-3:14", at(root.get("c").orElseThrow().span()));
    }

    @Test
    void keysTypedLikeValuesStayKeysButAMergeKeyIsRefused() {
        ParsedTemplate parsed = parse("""
                true: a
                12: b
                2010-09-09: c
                <<: {d: 1}
                """);
        assertEquals("4:1-4:1 mapping key at line 4 is not a plain string; entry ignored", messages(parsed));
        MappingNode root = (MappingNode) parsed.root();
        assertScalar(root, "true", "a", ScalarType.STRING);
        assertScalar(root, "12", "b", ScalarType.STRING);
        assertScalar(root, "2010-09-09", "c", ScalarType.STRING);
        assertTrue(root.get("<<").isEmpty());
    }

    private static void assertScalar(MappingNode root, String key, String text, ScalarType type) {
        ScalarNode s = assertInstanceOf(ScalarNode.class, root.get(key).orElseThrow());
        assertEquals(text, s.text(), key);
        assertEquals(type, s.type(), key);
    }

    @Test
    void blockScalarsAndBlockMappingsEndAtTheirLastCharacter() {
        MappingNode root = root("""
                Res:
                  Type: AWS::S3::Bucket
                  Script: |
                    echo hi

                # trailing comment
                Next: 1
                """);
        MappingNode res = (MappingNode) root.get("Res").orElseThrow();
        // a block scalar starts at its indicator and ends with its last character, not at the next key
        assertEquals("3:11-4:12", at(res.get("Script").orElseThrow().span()));
        assertEquals("2:3-4:12", at(res.span()));
        assertEquals("1:1-1:4", at(root.entry("Res").orElseThrow().keySpan()));
    }

    @Test
    void columnsCountUtf16UnitsAfterAnEmoji() {
        MappingNode root = root("D: \"\uD83D\uDE80\"\nX: !Ref Y\n");
        assertEquals("1:4-1:8", at(root.get("D").orElseThrow().span()));
        assertEquals("2:4-2:10", at(root.get("X").orElseThrow().span()));
    }

    @Test
    void duplicateKeysAreReportedWithBothLinesAndTheLastWins() {
        ParsedTemplate parsed = parse("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Bucket:
                    Type: AWS::SQS::Queue
                """);
        assertEquals("4:3-4:9 duplicate key 'Bucket' (lines 2 and 4); only one of them takes effect",
                messages(parsed));
        MappingNode resources = (MappingNode) ((MappingNode) parsed.root()).get("Resources").orElseThrow();
        assertEquals(1, resources.entries().size());
    }

    @Test
    void foreignTagsAreNeverConstructedAndAreReportedWithTheirLine() {
        ParsedTemplate parsed = parse("""
                a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                b: !!python/object/apply:os.system ["rm -rf /"]
                c: !Foo bar
                d: !Rain::Embed file.sh
                """);
        String messages = messages(parsed);
        assertTrue(messages.contains("1:4-1:38 tag '!!javax.script.ScriptEngineManager' at line 1"), messages);
        assertTrue(messages.contains("tag '!!python/object/apply:os.system' at line 2"), messages);
        assertTrue(messages.contains("3:4-3:8 tag '!Foo' at line 3 is not a CloudFormation intrinsic function"),
                messages);
        assertTrue(messages.contains("tag '!Rain::Embed' at line 4"), messages);
        MappingNode root = (MappingNode) parsed.root();
        assertInstanceOf(InvalidNode.class, root.get("a").orElseThrow());
        assertEquals("1:4-1:99", at(root.get("a").orElseThrow().span()));
        assertTrue(((InvalidNode) root.get("d").orElseThrow()).isRainDirective());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            yaml.append("]\n");
        }
        long start = System.nanoTime();
        ParsedTemplate parsed = parse(yaml.toString());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
        assertNull(parsed.root());
        assertTrue(messages(parsed).contains("aliases"), messages(parsed));
    }

    @Test
    void aliasDoublingWithinTheAliasLimitHitsTheNodeBudget() {
        // 2 aliases per level, 24 levels: 48 aliases (under the limit of 50) describing 2^24 leaves
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, y]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        long start = System.nanoTime();
        ParsedTemplate parsed = parse(yaml.toString());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
        assertNull(parsed.root());
        assertTrue(messages(parsed).contains("more than 1000000 nodes"), messages(parsed));
    }

    @Test
    void aliasesWithinBoundsAreExpanded() {
        MappingNode root = root("a: &x {k: v}\nb: *x\n");
        assertEquals("v", ((ScalarNode) ((MappingNode) root.get("b").orElseThrow()).get("k").orElseThrow()).text());
    }

    @Test
    void syntaxErrorsArePositionedAndReadable() {
        ParsedTemplate parsed = parse("Resources:\n  A: b\n  c: [d\n");
        List<Problem> problems = parsed.problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("YAML syntax error: "), problems.get(0).message());
        assertEquals(4, problems.get(0).where().line());
        assertTrue(!problems.get(0).message().contains("^"), "no snippet");

        ParsedTemplate tabs = parse("a: b\n  c: d\n");
        assertEquals("2:4-2:5 YAML syntax error: mapping values are not allowed here", messages(tabs));
    }

    @Test
    void multipleDocumentsAreReported() {
        ParsedTemplate parsed = parse("a: 1\n---\nb: 2\n");
        assertTrue(messages(parsed).contains("more than one YAML document (the second starts at line 3)"),
                messages(parsed));
        assertInstanceOf(MappingNode.class, parsed.root());
    }

    @Test
    void emptyAndTrivialDocumentsGiveProblemsOrNodesNeverExceptions() {
        assertEquals("1:1-1:1 empty template: no YAML document", messages(parse("")));
        assertEquals("1:1-1:1 empty template: no YAML document", messages(parse("# only a comment\n")));
        assertInstanceOf(SequenceNode.class, parse("[]").root());
        assertInstanceOf(ScalarNode.class, parse("hello").root());
        assertTrue(!parse("Resources:\n  A:\n    Type: 'AWS::S3").problems().isEmpty());
    }
}
