package dev.preflight.engine;

import dev.preflight.dsl.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@code .preflight.yaml} says (see {@link ConfigLoader} for the file's keys). Absent settings are empty, or
 * null where "absent" and "empty" differ: {@code enabledRules} null means every rule, {@code failOn} null means the
 * command line's default. Var files, rule jars and rule files are resolved against the config file's directory.
 */
public record Config(List<String> enabledRules, List<String> disabledRules, Map<String, Severity> severityOverrides,
                     List<String> excludes, List<Path> varFiles, Map<String, String> variables,
                     Map<String, String> parameters, FailOn failOn, List<Path> rulesJars, List<Path> rulesFiles) {

    /** A configuration that names no users' rules. */
    public Config(List<String> enabledRules, List<String> disabledRules, Map<String, Severity> severityOverrides,
                  List<String> excludes, List<Path> varFiles, Map<String, String> variables,
                  Map<String, String> parameters, FailOn failOn) {
        this(enabledRules, disabledRules, severityOverrides, excludes, varFiles, variables, parameters, failOn,
                List.of(), List.of());
    }

    public Config {
        enabledRules = enabledRules == null ? null : List.copyOf(enabledRules);
        disabledRules = List.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        excludes = List.copyOf(excludes);
        varFiles = List.copyOf(varFiles);
        variables = Map.copyOf(variables);
        parameters = Map.copyOf(parameters);
        rulesJars = List.copyOf(rulesJars);
        rulesFiles = List.copyOf(rulesFiles);
    }

    /** The configuration of a repository without a config file. */
    public static Config empty() {
        return new Config(null, List.of(), Map.of(), List.of(), List.of(), Map.of(), Map.of(), null);
    }
}
