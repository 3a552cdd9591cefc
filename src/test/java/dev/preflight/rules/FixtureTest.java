package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real scanner, with every registered rule, over each fixture under {@code testdata/rules} and
 * {@code testdata/examples}, and checks both ways: each expected finding is reported at its line, and nothing else
 * is reported (a finding of another rule in a fixture is a false positive too).
 */
class FixtureTest {
    static final Path RULES = Fixture.REPO.resolve("testdata/rules");
    static final Path EXAMPLES = Fixture.REPO.resolve("testdata/examples");

    static Stream<Fixture> fixtures() {
        return Stream.concat(Fixture.under(RULES).stream(), Fixture.under(EXAMPLES).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAreExactlyTheExpectedOnes(Fixture fixture) {
        ScanResult result = scan(fixture.path());
        // until a loader exists, it returns nothing: the fixture cannot be judged yet
        assumeFalse(result.graph().resources().isEmpty() && result.problems().isEmpty(),
                "the " + (fixture.terraform() ? "Terraform" : "CloudFormation") + " loader produced no resources");

        Set<Fixture.Expected> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            actual.add(new Fixture.Expected(f.span().file(), f.span().line(), f.ruleId()));
        }
        Set<Fixture.Expected> missing = new TreeSet<>(fixture.expected());
        missing.removeAll(actual);
        Set<Fixture.Expected> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(fixture.expected());
        StringBuilder report = new StringBuilder();
        if (!missing.isEmpty()) {
            report.append("\nexpected but not reported:\n  ").append(String.join("\n  ", strings(missing)));
        }
        if (!unexpected.isEmpty()) {
            report.append("\nreported but not expected:");
            for (Finding f : result.findings()) {
                Fixture.Expected e = new Fixture.Expected(f.span().file(), f.span().line(), f.ruleId());
                if (unexpected.contains(e)) {
                    report.append("\n  ").append(e).append(": ").append(f.message());
                }
            }
        }
        assertTrue(report.isEmpty(), fixture + report.toString());
    }

    static ScanResult scan(Path path) {
        return new Scanner().scan(new ScanRequest(List.of(path), Fixture.REPO, Map.of(), Map.of(), rules(), 1));
    }

    /**
     * Every registered rule. Rules that judge against today's date read it from {@code ScanClock}, which the build
     * fixes ({@code preflight.today} in the POM); the two EKS calendar rules' fixtures were written for an earlier
     * day of the same table, {@link #FIXTURE_DAY}, since on the build's day no row of the 2025 calendar is still in
     * standard support.
     */
    static List<Rule> rules() {
        return RuleRegistry.discover().rules().stream().map(FixtureTest::atFixtureDay).toList();
    }

    /** The day the fixtures are judged on. */
    static final Clock FIXTURE_DAY = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static Rule atFixtureDay(Rule rule) {
        if (rule instanceof EksExtendedSupportVersion) {
            return new EksExtendedSupportVersion(FIXTURE_DAY);
        }
        return rule instanceof EksVersionUnsupported ? new EksVersionUnsupported(FIXTURE_DAY) : rule;
    }

    private static List<String> strings(Set<Fixture.Expected> set) {
        return set.stream().map(Fixture.Expected::toString).toList();
    }
}
