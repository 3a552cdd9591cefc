package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import dev.preflight.testing.ModuleInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures under {@code testdata/registry-modules}: roots that call registry modules, scanned as after
 * {@code terraform init} (the modules laid out from {@code ../shared} into a temporary copy), with every rule. As in
 * {@link FixtureTest}, the findings must be exactly the {@code # expect:} markers: findings made in the modules' code
 * are reported in the fixture's own file, at the call or the argument the value came through.
 */
class InstalledModuleFixtureTest {
    static final Path MODULES = Fixture.REPO.resolve("testdata/registry-modules");

    static Stream<Fixture> fixtures() {
        return Fixture.under(MODULES).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAreExactlyTheExpectedOnesAtTheCallSites(Fixture fixture, @TempDir Path work) {
        assumeTrue(ModuleInstallation.available(), "no ../shared/modules; skipped");
        ModuleInstallation.install(fixture.path(), work);
        ScanResult result = scan(work);
        assertEquals(List.of(), result.problems(), "the fixture and its modules load");

        Set<Fixture.Expected> actual = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (Finding f : result.findings()) {
            // the scan names the work copy's files; markers name the fixture's, in the repository
            String file = Fixture.relative(fixture.path().resolve(f.span().file()));
            actual.add(new Fixture.Expected(file, f.span().line(), f.ruleId()));
            messages.add(file + ":" + f.span().line() + " " + f.ruleId() + ": " + f.message());
        }
        assertEquals(fixture.expected(), actual, fixture + "\n" + String.join("\n", messages));
    }

    @Test
    void everyModuleFixtureIsARootThatCallsARegistryModule() {
        List<Fixture> all = fixtures().toList();
        assertTrue(all.size() >= 12, "module fixtures: " + all);
        for (Fixture f : all) {
            assertTrue(ModuleInstallation.callsRegistryModules(f.path()), f + " calls no registry module");
        }
    }

    static ScanResult scan(Path root) {
        return new Scanner().scan(new ScanRequest(List.of(root), root, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1));
    }

}
