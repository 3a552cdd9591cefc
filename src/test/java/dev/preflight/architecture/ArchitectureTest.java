package dev.preflight.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.source.Span;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data flow of the design, held as a test: one direction, loaders never see rules, rules never see syntax,
 * reporters never see the graph.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.preflight");
    }

    @Test
    void graphKnowsNoFileFormat() {
        noClasses().that().resideInAPackage("dev.preflight.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.terraform..",
                        "dev.preflight.cloudformation..", "dev.preflight.dsl..", "dev.preflight.engine..",
                        "dev.preflight.report..", "dev.preflight.cli..")
                .check(classes);
    }

    @Test
    void rulesAndDslNeverSeeSyntaxOrLoaders() {
        noClasses().that().resideInAnyPackage("dev.preflight.dsl..", "dev.preflight.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.terraform..",
                        "dev.preflight.cloudformation..", "dev.preflight.report..", "dev.preflight.cli..")
                .check(classes);
    }

    /** The rule API (the DSL and the read side of the graph) is what users compile against: no internals in it. */
    @Test
    void ruleApiDependsOnNoInternals() {
        noClasses().that().resideInAnyPackage("dev.preflight.dsl..", "dev.preflight.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.engine..",
                        "dev.preflight.report..", "dev.preflight.cli..", "dev.preflight.terraform..",
                        "dev.preflight.cloudformation..")
                .check(classes);
    }

    /** The built-in pack is written with what users get, which proves the API is enough. */
    @Test
    void builtInRulesUseTheRuleApiAlone() {
        ApiPackages.RULE_API.check(classes.that(resideInAPackage("dev.preflight.rules..")), "dev.preflight.rules..",
                "com.google.auto.service..");
    }

    /**
     * The example user project (testdata/custom-rules), compiled here against this build: its rules use the rule
     * API alone, and its tests add only the test support and JUnit. So the example keeps compiling against the API
     * it documents, and the API stays enough for it.
     */
    @Test
    void theExampleUserProjectUsesTheApiAlone(@TempDir Path out) throws Exception {
        JavaClasses example = ExampleProject.compile(out);
        assertTrue(example.size() >= 6, "the example's classes: " + example.size());
        ApiPackages.RULE_API.check(example.that(resideInAPackage("com.acme..")
                .and(not(simpleNameEndingWith("Test")))), "com.acme..");
        ApiPackages.TEST_API.check(example.that(simpleNameEndingWith("Test")), "com.acme..", "org.junit..",
                "org.opentest4j..");
    }

    /** Users' tests see the API and the test support; the test support is a facade over the engine, not more. */
    @Test
    void theTestSupportIsAFacade() {
        noClasses().that().resideInAPackage("dev.preflight.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.engine..", "dev.preflight.cli..",
                        "dev.preflight.report..", "dev.preflight.terraform..", "dev.preflight.cloudformation..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.preflight.dsl..", "dev.preflight.graph..", "dev.preflight.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.check..", "dev.preflight.junit..")
                .check(classes);
    }

    @Test
    void loadersNeverSeeRules() {
        noClasses().that().resideInAnyPackage("dev.preflight.terraform..", "dev.preflight.cloudformation..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.dsl..", "dev.preflight.rules..",
                        "dev.preflight.engine..", "dev.preflight.report..", "dev.preflight.cli..")
                .check(classes);
    }

    /** Reporters see findings and rule metadata (the rule model), never the graph, the DSL's machinery or syntax. */
    @Test
    void reportersNeverSeeTheGraph() {
        noClasses().that().resideInAPackage("dev.preflight.report..")
                .should().dependOnClassesThat(or(
                        resideInAnyPackage("dev.preflight.graph..", "dev.preflight.terraform..",
                                "dev.preflight.cloudformation.."),
                        resideInAnyPackage("dev.preflight.dsl..").and(not(type(Finding.class)))
                                .and(not(type(Evidence.class))).and(not(type(Evidence.Role.class)))
                                .and(not(type(RuleInfo.class))).and(not(type(Severity.class)))))
                .check(classes);
    }

    @Test
    void sourceLayerDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.preflight.source..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.graph..",
                        "dev.preflight.terraform..", "dev.preflight.cloudformation..", "dev.preflight.dsl..",
                        "dev.preflight.engine..", "dev.preflight.report..", "dev.preflight.cli..")
                .check(classes);
    }
}
