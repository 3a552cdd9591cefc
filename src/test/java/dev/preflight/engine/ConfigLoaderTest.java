package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflight.dsl.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("rule-a", "rule-b"));

    private static Path write(Path dir, String yaml) throws Exception {
        Path f = dir.resolve(".preflight.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Config c = LOADER.load(write(dir, """
                rules:
                  enable: [rule-a, rule-b]
                  disable: [rule-b]
                severity:
                  rule-a: note
                exclude:
                  - "legacy/**"
                fail_on: error
                terraform:
                  var_files: [env/prod.tfvars]
                  variables:
                    region: eu-west-1
                    azs: [a, b]
                    count: 3
                    on: true
                cloudformation:
                  parameters:
                    Env: prod
                    Subnets: [s-1, s-2]
                """));
        assertEquals(List.of("rule-a", "rule-b"), c.enabledRules());
        assertEquals(List.of("rule-b"), c.disabledRules());
        assertEquals(Map.of("rule-a", Severity.NOTE), c.severityOverrides());
        assertEquals(List.of("legacy/**"), c.excludes());
        assertEquals(FailOn.ERROR, c.failOn());
        assertEquals(List.of(dir.toAbsolutePath().resolve("env/prod.tfvars")), c.varFiles());
        assertEquals(Map.of("region", "\"eu-west-1\"", "azs", "[\"a\",\"b\"]", "count", "3", "on", "true"),
                c.variables());
        assertEquals(Map.of("Env", "prod", "Subnets", "s-1,s-2"), c.parameters());
    }

    @Test
    void emptyFileIsAnEmptyConfig(@TempDir Path dir) throws Exception {
        assertNull(LOADER.load(write(dir, "# nothing yet\n")).enabledRules());
        Config emptyValues = LOADER.load(write(dir, "rules:\n  disable:\nexclude:\nterraform:\n"));
        assertEquals(List.of(), emptyValues.disabledRules(), "a key with no value is an empty list");
        assertEquals(List.of(), emptyValues.excludes());
    }

    @Test
    void everyErrorOfTheFileAtOnce(@TempDir Path dir) throws Exception {
        Path f = write(dir, "rules:\n  disable: [rule-a, rule-c]\nseverity: {rule-b: loud}\nexclude: [[x]]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(f));
        assertEquals(List.of(f + ":2: unknown rule id 'rule-c' in 'rules.disable' (did you mean 'rule-a'?)",
                f + ":3: 'severity.rule-b' must be one of error, warning, note, not the text 'loud'",
                f + ":4: items of 'exclude' must be strings, not a list"), e.errors());
    }

    @Test
    void unknownKeysNameTheKeyAndItsLine(@TempDir Path dir) throws Exception {
        Path f = write(dir, "rules:\n  disable: [rule-a]\nexlude:\n  - x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(f));
        assertEquals(f + ":3: unknown key 'exlude' (did you mean 'exclude'?)", e.getMessage());
        Path far = write(dir, "colours: true\n");
        assertEquals(far + ":1: unknown key 'colours' (expected one of: rules, severity, exclude, fail_on, terraform, "
                + "cloudformation)", assertThrows(ConfigException.class, () -> LOADER.load(far)).getMessage());
        Path g = write(dir, "terraform:\n  vars: {}\n");
        assertEquals(g + ":2: unknown key 'terraform.vars' (expected one of: var_files, variables)",
                assertThrows(ConfigException.class, () -> LOADER.load(g)).getMessage());
    }

    @Test
    void wrongTypesAndUnknownRulesAreErrors(@TempDir Path dir) throws Exception {
        Path f = write(dir, "rules:\n  disable: {a: 1}\n");
        assertEquals(f + ":2: 'rules.disable' must be a list of strings, not a mapping",
                assertThrows(ConfigException.class, () -> LOADER.load(f)).getMessage());
        Path g = write(dir, "severity:\n  rule-a: loud\n");
        assertEquals(g + ":2: 'severity.rule-a' must be one of error, warning, note, not the text 'loud'",
                assertThrows(ConfigException.class, () -> LOADER.load(g)).getMessage());
        Path h = write(dir, "rules:\n  enable:\n    - rule-a\n    - rule-z\n");
        assertEquals(h + ":4: unknown rule id 'rule-z' in 'rules.enable' (did you mean 'rule-a'?)",
                assertThrows(ConfigException.class, () -> LOADER.load(h)).getMessage());
        Path single = write(dir, "exclude: legacy/**\n");
        assertEquals(single + ":1: 'exclude' must be a list, not the text 'legacy/**': write exclude: [legacy/**]",
                assertThrows(ConfigException.class, () -> LOADER.load(single)).getMessage());
        Path twice = write(dir, "fail_on: error\nfail_on: note\n");
        assertEquals(twice + ":2: key 'fail_on' is given twice (lines 1 and 2); write it once",
                assertThrows(ConfigException.class, () -> LOADER.load(twice)).getMessage());
        Path i = write(dir, "rules: [a\n");
        assertEquals(i + ":2: not valid YAML: expected ',' or ']', but got <stream end>",
                assertThrows(ConfigException.class, () -> LOADER.load(i)).getMessage());
    }
}
