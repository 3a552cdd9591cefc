package com.acme.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.check.BuiltInPack;
import dev.preflight.check.FrozenRule;
import dev.preflight.check.InfrastructureImporter;
import dev.preflight.check.RuleFiles;
import dev.preflight.dsl.Infrastructure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain style: load the sample infrastructure once, then {@code check} rules against it. The sample breaks
 * Acme's rules on purpose, so these tests check that each rule fails, and with what message: every violation as
 * file:line:col, in both formats.
 */
class PlainStyleTest {
    private static Infrastructure infrastructure;

    @BeforeAll
    static void load() {
        infrastructure = new InfrastructureImporter().importPaths(Path.of("infra"));
    }

    @Test
    void theBuiltInPackPasses() {
        BuiltInPack.all().check(infrastructure);
        BuiltInPack.rule("fargate-ecr-execution-role-missing").check(infrastructure);
    }

    @Test
    void taskRolesWithoutABoundaryFailInBothFormats() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new ServiceTaskRoleBoundary().check(infrastructure));
        assertEquals("""
                Rule 'acme-service-task-role-boundary' (resources of kind ECS_SERVICE should have a task role with \
                a permissions boundary) was violated (2 times):
                infra/cloudformation/stack.yaml:95:23: [acme-service-task-role-boundary] BatchService does not have \
                a task role with a permissions boundary (TaskDefinition: BatchTask)
                infra/terraform/main.tf:102:21: [acme-service-task-role-boundary] aws_ecs_service.worker does not \
                have a task role with a permissions boundary (task_definition: aws_ecs_task_definition.worker.arn)""",
                e.getMessage());
    }

    @Test
    void bucketsAreReadByTheirNameInBothFormatsAndSuppressionsApply() {
        AssertionError e = assertThrows(AssertionError.class, () -> new BucketNamePrefix().check(infrastructure));
        List<String> lines = e.getMessage().lines().skip(1).toList();
        assertEquals(2, lines.size(), e.getMessage()); // the two scratch buckets are suppressed, with a reason
        assertTrue(lines.get(0).startsWith("infra/cloudformation/stack.yaml:"), lines.get(0));
        assertTrue(lines.get(0).contains("ReportsBucket does not have bucket matching acme-[a-z0-9.-]+ "
                + "(BucketName: reports-2019)"), lines.get(0));
        assertTrue(lines.get(1).contains("aws_s3_bucket.legacy does not have bucket matching"), lines.get(1));
    }

    @Test
    void theRuleFileFindsWhatItShould() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleFiles.load(Path.of("rules/acme.yaml")).check(infrastructure));
        String m = e.getMessage();
        assertTrue(m.contains("infra/terraform/main.tf:115:10: [acme-service-owner-tag] aws_ecs_service.worker "
                + "does not have tag Owner (tags: CostCenter, Name)"), m);
        assertTrue(m.contains("[acme-cost-center-tag] BatchService does not have tag CostCenter"), m);
        assertTrue(m.contains("[acme-service-execution-role] aws_ecs_service.worker"), m);
        assertTrue(m.contains("[acme-queue-encrypted] aws_sqs_queue.events"), m);
        assertEquals(5, m.lines().count(), m); // the header and four violations: the others comply
    }

    /** Frozen: today's violations are recorded in preflight-frozen/, so only a new one fails. */
    @Test
    void aFrozenRuleFailsOnlyOnANewViolation() {
        FrozenRule frozen = FrozenRule.freeze(new BucketNamePrefix());
        frozen.check(infrastructure);

        Infrastructure withChange = new InfrastructureImporter().importPaths(Path.of("infra"), Path.of("infra-change"));
        AssertionError e = assertThrows(AssertionError.class, () -> frozen.check(withChange));
        assertEquals(List.of("infra-change/main.tf:5:12: [acme-bucket-name-prefix] aws_s3_bucket.exports does not "
                + "have bucket matching acme-[a-z0-9.-]+ (bucket: exports-2024)"),
                e.getMessage().lines().skip(1).toList());
    }
}
