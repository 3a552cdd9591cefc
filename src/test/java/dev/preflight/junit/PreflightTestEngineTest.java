package dev.preflight.junit;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.preflight.check.BuiltInPack;
import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleSet;
import dev.preflight.dsl.Tags;
import dev.preflight.graph.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JUnit engine, run through the JUnit Platform launcher as a build tool runs it. The classes it runs are nested
 * here, so that Surefire's own run (which skips nested classes) does not run them too.
 */
class PreflightTestEngineTest {
    static final Rule OWNER = rule("acme-owner").title("owner")
            .check(resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY)));

    @AnalyzeInfrastructure(paths = "testdata/examples/ecs-fargate-terraform")
    static class Examples {
        @PreflightTest
        static final Rule ownerTags = OWNER;

        @PreflightTest
        static final RuleSet someBuiltIn = RuleSet.of(BuiltInPack.rule("alb-subnets-single-az"),
                BuiltInPack.rule("subnet-cidr-outside-vpc"));

        @PreflightTest
        final Rule instanceField = BuiltInPack.rule("vpc-id-malformed");

        @PreflightTest
        static void loadsResources(Infrastructure infrastructure) {
            assertTrue(infrastructure.graph().resources().size() > 5);
        }

        @PreflightTest
        static void failsWithAnything(Infrastructure infrastructure) {
            throw new IllegalStateException("expected failure");
        }

        static final Rule notATest = OWNER;
    }

    @AnalyzeInfrastructure(paths = "testdata/no-such-folder")
    static class MissingInput {
        @PreflightTest
        static final Rule ownerTags = OWNER;
    }

    /** Test display names to "SUCCESSFUL" or the failure's first line. */
    private static Map<String, String> run(DiscoverySelector... selectors) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(EngineFilter.includeEngines(PreflightTestEngine.ID)).build();
        Map<String, String> results = new TreeMap<>();
        List<String> containers = new ArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "SUCCESSFUL"
                        : result.getThrowable().map(t -> t.getMessage().lines().findFirst().orElse(""))
                                .orElse(result.getStatus().toString());
                if (id.isTest()) {
                    results.put(id.getDisplayName(), outcome);
                } else if (!outcome.equals("SUCCESSFUL")) {
                    containers.add(id.getDisplayName() + ": " + outcome);
                }
            }
        });
        containers.forEach(c -> results.put("container " + c, "FAILED"));
        return results;
    }

    @Test
    void runsFieldsRuleSetsAndMethodsOfAnnotatedClasses() {
        Map<String, String> results = run(selectClass(Examples.class));
        assertTrue(results.get("alb-subnets-single-az").startsWith("Rule 'alb-subnets-single-az' ("),
                "each rule of a set is a test of its own: " + results);
        assertEquals("SUCCESSFUL", results.get("instanceField"));
        assertEquals("SUCCESSFUL", results.get("loadsResources(Infrastructure)"));
        assertEquals("expected failure", results.get("failsWithAnything(Infrastructure)"));
        assertEquals("SUCCESSFUL", results.get("subnet-cidr-outside-vpc"));
        assertTrue(results.get("ownerTags").startsWith("Rule 'acme-owner' (resources of kind ECS_SERVICE should have "
                + "tag Owner) was violated ("), results.toString());
        assertEquals(6, results.size(), "notATest is not a test: " + results);
    }

    @Test
    void selectsOneMemberAndFailsOnInputItCannotRead() {
        assertEquals(Map.of("loadsResources(Infrastructure)", "SUCCESSFUL"),
                run(selectMethod(Examples.class, "loadsResources", Infrastructure.class.getName())));
        Map<String, String> missing = run(selectClass(MissingInput.class));
        assertEquals(Map.of("ownerTags", "Rule 'acme-owner' (resources of kind ECS_SERVICE should have tag Owner) "
                + "was violated (1 time):"), missing, "a check must not pass on input it could not read");
    }

    @Test
    void classesWithoutTheAnnotationAreNotItsTests() {
        assertEquals(Map.of(), run(selectClass(PreflightTestEngineTest.class)));
    }
}
