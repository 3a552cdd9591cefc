package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One run of the command line in a directory, with its output captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path dir, List<Rule> rules, Map<String, String> env, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, env, terminal);
        int code = new Main(console, () -> RuleRegistry.of(rules)).execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun in(Path dir, List<Rule> rules, String... args) {
        return in(dir, rules, Map.of(), false, args);
    }
}
