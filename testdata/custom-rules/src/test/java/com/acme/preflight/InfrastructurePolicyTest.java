package com.acme.preflight;

import dev.preflight.check.BuiltInPack;
import dev.preflight.check.FrozenRule;
import dev.preflight.check.RuleFiles;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleSet;
import dev.preflight.junit.AnalyzeInfrastructure;
import dev.preflight.junit.PreflightTest;
import java.nio.file.Path;

/**
 * The declarative style, as ArchUnit's {@code @AnalyzeClasses}: the infrastructure is loaded once, each annotated
 * field or method is a test. The policy is on, frozen where the repository does not meet it yet: the build passes
 * today and fails on the next violation.
 */
@AnalyzeInfrastructure(paths = "infra")
class InfrastructurePolicyTest {
    @PreflightTest
    static final RuleSet builtInRules = BuiltInPack.all();

    @PreflightTest
    static final Rule bucketNames = FrozenRule.freeze(new BucketNamePrefix());

    @PreflightTest
    static final Rule taskRoleBoundaries = FrozenRule.freeze(new ServiceTaskRoleBoundary());

    @PreflightTest
    static void ruleFile(Infrastructure infrastructure) {
        for (Rule rule : RuleFiles.load(Path.of("rules/acme.yaml"))) {
            FrozenRule.freeze(rule).check(infrastructure);
        }
    }
}
