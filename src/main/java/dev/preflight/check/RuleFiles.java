package dev.preflight.check;

import dev.preflight.dsl.RuleSet;
import dev.preflight.engine.UserRuleException;
import dev.preflight.engine.UserRules;
import java.nio.file.Path;

/**
 * The rules of a YAML rule file (see {@code docs/rule-files.md}), to check in a test exactly as
 * {@code preflight scan --rules-file} runs them.
 *
 * <pre>{@code
 * RuleFiles.load(Path.of("rules/acme.yaml")).check(infrastructure);
 * }</pre>
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    /** The rules in {@code file}; an {@link IllegalArgumentException} names {@code file:line:col} and the key. */
    public static RuleSet load(Path file) {
        try {
            return RuleSet.of(UserRules.fromRuleFile(file, file.toString().replace('\\', '/')));
        } catch (UserRuleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
