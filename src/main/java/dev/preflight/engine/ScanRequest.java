package dev.preflight.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to scan and how. {@code baseDir} is what reported paths are relative to (the current directory for the CLI).
 * {@code variables} are Terraform variable values (as HCL expression text); {@code parameters} CloudFormation
 * parameter values.
 */
public record ScanRequest(List<Path> paths, Path baseDir, Map<String, String> variables,
                          Map<String, String> parameters, List<Rule> rules, int threads) {
    public ScanRequest {
        paths = List.copyOf(paths);
        variables = Map.copyOf(variables);
        parameters = Map.copyOf(parameters);
        rules = List.copyOf(rules);
    }

    public static ScanRequest of(List<Path> paths, List<Rule> rules) {
        return new ScanRequest(paths, Path.of("").toAbsolutePath(), Map.of(), Map.of(), rules,
                Runtime.getRuntime().availableProcessors());
    }
}
