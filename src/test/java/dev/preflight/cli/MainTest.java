package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import dev.preflight.testing.TextMatchRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private List<Rule> rules() {
        return List.of(new TextMatchRule("no-single-az", Severity.ERROR, dir, dir, "single-az"));
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.in(dir, rules(), "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("preflight "), version.out());
        CliRun help = CliRun.in(dir, rules(), "scan", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--fail-on"));
        assertTrue(help.out().contains("Exit codes:"));
        assertEquals(2, CliRun.in(dir, rules()).exitCode());
    }

    @Test
    void helpListsEachCommandsOptionsAndTheTopLevelListsTheCommands() {
        CliRun top = CliRun.in(dir, rules(), "--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().startsWith("Usage: preflight [OPTION]... COMMAND [ARG]...\n"), top.out());
        for (String s : List.of("-V,--version", "scan ", "rules ", "explain ", "Exit codes:")) {
            assertTrue(top.out().contains(s), s + " in\n" + top.out());
        }
        CliRun scan = CliRun.in(dir, rules(), "scan", "-h");
        assertTrue(scan.out().startsWith("Usage: preflight scan [OPTION]... [PATH]...\n"), scan.out());
        for (String s : List.of("-f,--format <FORMAT>", "-o,--output <FILE>", "--severity-override <RULE=LEVEL>",
                "--skip-unrecognized", "-v,--verbose", "--threads <N>", "-h,--help", "PATH  Files or directories")) {
            assertTrue(scan.out().contains(s), s + " in\n" + scan.out());
        }
        for (String line : scan.out().split("\n")) {
            assertTrue(line.length() <= 80, "wrapped at 80 columns: " + line);
        }
        CliRun explain = CliRun.in(dir, rules(), "explain", "--help");
        assertEquals(0, explain.exitCode());
        assertTrue(explain.out().contains("RULE-ID  The rule to explain."), explain.out());
        assertTrue(CliRun.in(dir, rules(), "rules", "--help").out().contains("List the rules"));
    }

    @Test
    void usageErrorsPointAtTheRightHelp() {
        CliRun none = CliRun.in(dir, rules());
        assertEquals("preflight: no command given: scan, graph, rules or explain\nTry 'preflight --help'.\n", none.err());
        CliRun unknown = CliRun.in(dir, rules(), "scan", "--bogus");
        assertEquals(2, unknown.exitCode());
        assertEquals("preflight: unknown option '--bogus'\nTry 'preflight scan --help'.\n", unknown.err());
        assertEquals("", unknown.out());
        CliRun stray = CliRun.in(dir, rules(), "explain", "no-single-az", "extra");
        assertEquals(2, stray.exitCode());
        assertEquals("preflight: unexpected argument 'extra'\nTry 'preflight explain --help'.\n", stray.err());
    }

    @Test
    void rulesListsIdSeverityKindsAndTitle() {
        CliRun run = CliRun.in(dir, rules(), "rules");
        assertEquals(0, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals("ID                          SEVERITY  KINDS   TITLE", lines.get(0));
        assertEquals("no-single-az                error     SUBNET  No single-az", lines.get(1));
        assertTrue(run.out().contains("parse-error"));
    }

    @Test
    void explainPrintsTheDocAndRefusesUnknownIds() {
        CliRun run = CliRun.in(dir, rules(), "explain", "no-single-az");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("no-single-az: No single-az\nseverity: error\n"), run.out());
        assertTrue(run.out().contains("Do not write `single-az`."));
        CliRun unknown = CliRun.in(dir, rules(), "explain", "nope");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown rule id 'nope'"));
    }
}
