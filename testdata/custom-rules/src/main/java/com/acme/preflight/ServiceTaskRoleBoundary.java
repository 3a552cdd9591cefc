package com.acme.preflight;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Traversal;
import dev.preflight.graph.Kind;

/**
 * The task role of every ECS service has a permissions boundary, so that what a service's code may do stays within
 * what the security team allows, whatever policies its team attaches. A rule on a built-in kind with a traversal of
 * two steps: the service, its task definition ({@code task_definition}), that definition's task role
 * ({@code task_role_arn}). Both formats name those properties the same way once canonical
 * ({@code TaskDefinition}, {@code TaskRoleArn}), so nothing is declared.
 */
public final class ServiceTaskRoleBoundary extends DslRule {
    public static final String ID = "acme-service-task-role-boundary";

    /** From a service to the task role of its task definition. */
    static final Traversal TASK_ROLE = Traversal.follow("task_definition").andThen(Traversal.follow("task_role_arn"));

    public ServiceTaskRoleBoundary() {
        super(define());
    }

    static RuleDefinition define() {
        ResourcePredicate bounded = Predicates.allRelated(TASK_ROLE, Predicates.have("permissions_boundary"))
                .as("have a task role with a permissions boundary");
        return rule(ID)
                .severity(Severity.ERROR)
                .title("ECS service whose task role has no permissions boundary")
                .prevents("services whose code can be given any permission by a policy attached later")
                .check(resources(Kind.ECS_SERVICE)
                        .should(Conditions.match(bounded, "task_definition")))
                .fix("Set permissions_boundary / PermissionsBoundary on the task role to the arn of "
                        + "acme-workload-boundary.")
                .doc("""
                        # acme-service-task-role-boundary

                        The task role of an ECS service's task definition must have a permissions boundary. A service
                        whose task definition has no task role, or whose role is not in the scanned files (an ARN
                        written as text), is not reported: preflight cannot see that role.
                        """);
    }
}
