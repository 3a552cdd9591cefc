package dev.preflight.engine;

import dev.preflight.dsl.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What to scan and how. {@code baseDir} is what reported paths are relative to (the current directory for the CLI).
 * {@code variables} are Terraform variable values (as HCL expression text); {@code parameters} CloudFormation
 * parameter values.
 *
 * <p>The rules come from {@code ruleSource}, asked once, when the scanner needs them: after the inputs are loaded.
 * The command line builds the rules on another thread meanwhile, which takes their construction off a pre-commit
 * run's critical path.
 */
public record ScanRequest(List<Path> paths, Path baseDir, Map<String, String> variables,
                          Map<String, String> parameters, Supplier<List<Rule>> ruleSource, int threads) {
    public ScanRequest {
        paths = List.copyOf(paths);
        variables = Map.copyOf(variables);
        parameters = Map.copyOf(parameters);
        ruleSource = Memoized.of(ruleSource);
    }

    /** A request whose rules are known now. */
    public ScanRequest(List<Path> paths, Path baseDir, Map<String, String> variables, Map<String, String> parameters,
                       List<Rule> rules, int threads) {
        this(paths, baseDir, variables, parameters, constant(rules), threads);
    }

    public static ScanRequest of(List<Path> paths, List<Rule> rules) {
        return new ScanRequest(paths, Path.of("").toAbsolutePath(), Map.of(), Map.of(), rules,
                Runtime.getRuntime().availableProcessors());
    }

    /** The rules to run; the first call may wait for them to be built. */
    public List<Rule> rules() {
        return ruleSource.get();
    }

    /** The list as it is now (the memoizing supplier copies it on first use). */
    private static Supplier<List<Rule>> constant(List<Rule> rules) {
        List<Rule> copy = List.copyOf(rules);
        return () -> copy;
    }

    /**
     * A variable's value given as text (a command line's {@code --var}, a test's variable), as the HCL expression
     * the loader takes: a string, as with {@code terraform -var}, quoted so the loader reads it as one.
     */
    public static String stringVariable(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '$', '%' -> s.append(c).append(c); // no interpolation in a value given as text
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
