package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar as users type it: names, repetition, order, and what is refused with which help to read. */
class ArgsParserTest {

    private static UsageException refused(String... args) {
        return assertThrows(UsageException.class, () -> ArgsParser.parse(args));
    }

    @Test
    void shortAndLongNamesWithAndWithoutEquals() throws Exception {
        ParsedArgs a = ArgsParser.parse("scan", "-c", "a.yaml", "--fail-on=error", "--threads", "2", "-f=json",
                "-fsarif", "--no-config", "dir");
        assertEquals("scan", a.command());
        assertEquals("a.yaml", a.value("config"));
        assertEquals("error", a.value("fail-on"));
        assertEquals("2", a.value("threads"));
        assertEquals(List.of("json", "sarif"), a.values("format"));
        assertTrue(a.flag("no-config"));
        assertFalse(a.flag("skip-unrecognized"));
        assertNull(a.value("baseline"));
        assertEquals(List.of("dir"), a.positionals());
    }

    @Test
    void repeatedOptionsCollectInOrderAndSingleValuesKeepTheLast() throws Exception {
        ParsedArgs a = ArgsParser.parse("scan", "--rule", "b", "x", "--rule=a", "--var", "n=\"quoted\"",
                "--fail-on", "never", "--fail-on", "error", "y");
        assertEquals(List.of("b", "a"), a.values("rule"));
        assertEquals(List.of("n=\"quoted\""), a.values("var"), "quotes are the value's own");
        assertEquals("error", a.value("fail-on"));
        assertEquals(List.of("x", "y"), a.positionals());
        assertEquals(List.of(), a.values("exclude"));
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        ParsedArgs a = ArgsParser.parse("scan", "--no-config", "--", "-odd-dir", "--rule");
        assertEquals(List.of("-odd-dir", "--rule"), a.positionals());
        assertEquals(List.of(), a.values("rule"));
        assertEquals(List.of("x"), ArgsParser.parse("--", "scan", "x").positionals());
    }

    @Test
    void eachOutputBelongsToTheFormatBeforeIt() throws Exception {
        List<OutputTarget> targets = OutputTarget.inOrder(ArgsParser.parse("scan", "-f", "json", "-o", "a.json",
                "--format", "text", "--format=sarif", "--output=b.sarif"));
        assertEquals(List.of(new OutputTarget(ReportFormat.JSON, Path.of("a.json")),
                new OutputTarget(ReportFormat.TEXT, null), new OutputTarget(ReportFormat.SARIF, Path.of("b.sarif"))),
                targets);
        assertEquals(List.of(), OutputTarget.inOrder(ArgsParser.parse("scan")));
        assertThrows(UsageException.class, () -> OutputTarget.inOrder(ArgsParser.parse("scan", "-o", "a")));
        UsageException twice = assertThrows(UsageException.class,
                () -> OutputTarget.inOrder(ArgsParser.parse("scan", "-f", "json", "-o", "a", "-o", "b")));
        assertEquals("--output b must follow the --format it is for", twice.getMessage());
        UsageException unknown = assertThrows(UsageException.class,
                () -> OutputTarget.inOrder(ArgsParser.parse("scan", "-f", "yaml")));
        assertTrue(unknown.getMessage().startsWith("unknown format 'yaml'"), unknown.getMessage());
    }

    @Test
    void topLevelFlagsComeBeforeTheCommand() throws Exception {
        assertTrue(ArgsParser.parse("--version").flag("version"));
        assertTrue(ArgsParser.parse("-V", "scan").flag("version"));
        ParsedArgs grouped = ArgsParser.parse("-hV");
        assertEquals(CommandGrammar.TOP, grouped.command());
        assertTrue(grouped.flag("help") && grouped.flag("version"));
        assertTrue(ArgsParser.parse("scan", "-h").flag("help"));
        assertTrue(ArgsParser.parse("explain", "--help").flag("help"), "help needs no RULE-ID");
        assertEquals(List.of("some-rule"), ArgsParser.parse("explain", "some-rule").positionals());
    }

    @Test
    void refusalsSayWhatAndWhichHelpToRead() {
        UsageException none = refused();
        assertEquals("no command given: scan, graph, rules or explain", none.getMessage());
        assertEquals(CommandGrammar.TOP, none.command());
        assertEquals("unknown command 'scna' (did you mean 'scan'?)", refused("scna").getMessage());
        assertEquals("unknown command 'lint' (expected scan, graph, rules or explain)", refused("lint").getMessage());
        assertEquals("unknown option '--bogus'", refused("--bogus", "scan").getMessage());
        UsageException option = refused("scan", "--bogus");
        assertEquals("unknown option '--bogus'", option.getMessage());
        assertEquals("scan", option.command());
        assertEquals("unknown option '-V'", refused("scan", "-V").getMessage());
        assertEquals("unknown option '--fail' (did you mean '--fail-on'?)",
                refused("scan", "--fail", "error").getMessage(), "no abbreviations, but a suggestion");
        assertEquals("option '--format' needs a value (FORMAT)", refused("scan", "--format").getMessage());
        assertEquals("option '--output' needs a value (FILE)", refused("scan", "-f", "json", "-o").getMessage());
        UsageException missing = refused("explain");
        assertEquals("explain needs a RULE-ID", missing.getMessage());
        assertEquals("explain", missing.command());
        assertEquals("unexpected argument 'b'", refused("explain", "a", "b").getMessage());
        assertEquals("unexpected argument 'x'", refused("rules", "x").getMessage());
    }
}
