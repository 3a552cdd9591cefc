package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every rule of the pack must have: a unique kebab-case id, a title, the AWS error it prevents, a fix hint, a
 * generated description, a doc with bad and good examples and suppression, and fixtures in both formats with at
 * least one positive (a fixture expecting this rule) and one negative (a fixture expecting nothing) each.
 */
class RulePackTest {
    static List<Rule> rules() {
        return RuleRegistry.discover().rules();
    }

    @Test
    void idsAreUniqueAndKebabCase() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : rules()) {
            String id = rule.info().id();
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), id);
            assertTrue(seen.add(id), "duplicate id " + id);
        }
        assertTrue(seen.containsAll(Set.of("nat-gateway-ipv6-route", "vpc-id-malformed", "alb-subnets-single-az",
                "fargate-ecr-execution-role-missing", "private-subnet-no-ecr-path", "ecr-tag-mutable",
                "image-latest-tag")), "the contracted ids: " + seen);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasMetadataAndDoc(Rule rule) {
        RuleInfo info = rule.info();
        assertFalse(blank(info.title()), info.id() + " title");
        assertFalse(blank(info.prevents()), info.id() + " prevents");
        assertFalse(blank(info.fixHint()), info.id() + " fix hint");
        assertFalse(blank(info.description()), info.id() + " description");
        assertFalse(info.kinds().isEmpty(), info.id() + " kinds");
        String doc = info.doc();
        assertFalse(blank(doc), info.id() + " doc");
        assertTrue(doc.startsWith("# " + info.id() + "\n"), info.id() + " doc starts with its id as title");
        for (String section : List.of("## Bad", "## Good", "## Suppressing", "```hcl", "```yaml",
                "preflight:ignore " + info.id())) {
            assertTrue(doc.contains(section), info.id() + " doc lacks " + section);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasPositiveAndNegativeFixturesInBothFormats(Rule rule) {
        String id = rule.info().id();
        Path dir = FixtureTest.RULES.resolve(id);
        assertTrue(Files.isDirectory(dir), "no fixtures in " + Fixture.relative(dir));
        List<Fixture> fixtures = Fixture.under(dir);
        for (boolean terraform : List.of(true, false)) {
            String format = terraform ? "Terraform" : "CloudFormation";
            List<Fixture> ofFormat = fixtures.stream().filter(f -> f.terraform() == terraform).toList();
            assertTrue(ofFormat.stream().anyMatch(f -> f.expected().stream().anyMatch(e -> e.ruleId().equals(id))),
                    id + ": no positive " + format + " fixture");
            assertTrue(ofFormat.stream().anyMatch(f -> f.expected().isEmpty()),
                    id + ": no negative " + format + " fixture (one expecting no finding at all)");
        }
        assertTrue(fixtures.stream().anyMatch(f -> f.path().toString().endsWith(".json")),
                id + ": no JSON template fixture");
    }

    @Test
    void everyFixtureDirectoryBelongsToARule() throws IOException {
        Set<String> ids = new HashSet<>();
        rules().forEach(r -> ids.add(r.info().id()));
        try (Stream<Path> dirs = Files.list(FixtureTest.RULES)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(ids.contains(d.getFileName().toString()), "fixtures of no rule: " + Fixture.relative(d));
            }
        }
    }

    @Test
    void fixturesOnlyExpectRegisteredRules() {
        Set<String> ids = new HashSet<>();
        rules().forEach(r -> ids.add(r.info().id()));
        FixtureTest.fixtures().forEach(f -> f.expected().forEach(e ->
                assertTrue(ids.contains(e.ruleId()), f + " expects unknown rule " + e.ruleId())));
        assertEquals(ids.size(), rules().size());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
