package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.Rule;
import dev.preflight.engine.Severity;
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
