package dev.preflight.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import dev.preflight.graph.GraphStatistics;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.source.Span;
import java.util.List;

/**
 * The public API as the architecture tests hold it, the same list the guide gives users (docs/writing-rules.md):
 * rules compile against the DSL ({@code dev.preflight.dsl}, {@code dev.preflight.dsl.aws}), the read side of the
 * graph ({@code dev.preflight.graph} without the loaders' type table, load results and statistics, and without
 * making resources or graphs) and {@link Span}; tests add {@code dev.preflight.check} and {@code dev.preflight.junit}.
 * Everything else (engine, cli, report, rulefile, source, terraform, cloudformation) is internal.
 */
enum ApiPackages {
    RULE_API(List.of("dev.preflight.dsl..")),
    TEST_API(List.of("dev.preflight.dsl..", "dev.preflight.check..", "dev.preflight.junit.."));

    private final List<String> packages;

    ApiPackages(List<String> packages) {
        this.packages = packages;
    }

    /** The graph's read side: its package, less what only loaders and the engine use. */
    private static DescribedPredicate<JavaClass> graphReadSide() {
        return resideInAnyPackage("dev.preflight.graph").and(DescribedPredicate.not(
                or(type(ResourceTypes.class), type(ResourceTypes.TypeInfo.class), type(LoadResult.class),
                        type(GraphStatistics.class))))
                .as("the read side of dev.preflight.graph");
    }

    /** {@code users} depend on this API, {@code java..} and {@code ownPackages} only, and build no graph. */
    void check(JavaClasses users, String... ownPackages) {
        DescribedPredicate<JavaClass> allowed = or(resideInAnyPackage(packages.toArray(String[]::new)),
                graphReadSide(), type(Span.class), resideInAnyPackage("java.."), resideInAnyPackage(ownPackages));
        classes().should().onlyDependOnClassesThat(allowed.as(name() + ", java and their own"))
                .check(users);
        noClasses().should().callConstructorWhere(DescribedPredicate.describe("the graph's constructors",
                        (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(Resource.class)
                                || call.getTargetOwner().isEquivalentTo(ResourceGraph.class)))
                .allowEmptyShould(true)
                .check(users);
    }
}
