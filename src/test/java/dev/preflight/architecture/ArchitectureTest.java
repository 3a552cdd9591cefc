package dev.preflight.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void loadersNeverSeeRules() {
        noClasses().that().resideInAnyPackage("dev.preflight.terraform..", "dev.preflight.cloudformation..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.dsl..", "dev.preflight.rules..",
                        "dev.preflight.engine..", "dev.preflight.report..", "dev.preflight.cli..")
                .check(classes);
    }

    @Test
    void reportersNeverSeeTheGraph() {
        noClasses().that().resideInAPackage("dev.preflight.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.preflight.graph..",
                        "dev.preflight.terraform..", "dev.preflight.cloudformation..", "dev.preflight.dsl..")
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
