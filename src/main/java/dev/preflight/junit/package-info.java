/**
 * preflight rules as JUnit 5 tests, in the style of ArchUnit's {@code @AnalyzeClasses} and {@code @ArchTest}: a
 * class annotated {@link dev.preflight.junit.AnalyzeInfrastructure} names the folders to load (once per run), and
 * each field or method annotated {@link dev.preflight.junit.PreflightTest} is a test. A JUnit Platform engine
 * ({@link dev.preflight.junit.PreflightTestEngine}, id {@code preflight}) finds and runs them, so Maven Surefire and
 * IDEs run them with the project's other tests. Needs the JUnit Platform on the test class path (any JUnit 5 project
 * has it).
 *
 * <pre>{@code
 * @AnalyzeInfrastructure(paths = "infra")
 * class InfrastructureRulesTest {
 *     @PreflightTest
 *     static final Rule ownerTags = new ServiceOwnerTag();
 *
 *     @PreflightTest
 *     static final RuleSet builtIn = BuiltInPack.all();
 *
 *     @PreflightTest
 *     static void noPublicBuckets(Infrastructure infrastructure) {
 *         RuleFiles.load(Path.of("rules/acme.yaml")).check(infrastructure);
 *     }
 * }
 * }</pre>
 */
package dev.preflight.junit;
