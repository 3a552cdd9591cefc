package com.acme.preflight;

import dev.preflight.dsl.Rule;
import dev.preflight.junit.AnalyzeInfrastructure;
import dev.preflight.junit.PreflightTest;

/**
 * The same rules, not frozen: this class fails on the sample's violations, as a team's build would before it
 * freezes them. Left out of the normal build (see pom.xml); run it with {@code mvn test -Dtest=SampleViolationsTest}
 * to see the failure report.
 */
@AnalyzeInfrastructure(paths = "infra")
class SampleViolationsTest {
    @PreflightTest
    static final Rule taskRoleBoundaries = new ServiceTaskRoleBoundary();

    @PreflightTest
    static final Rule bucketNames = new BucketNamePrefix();
}
