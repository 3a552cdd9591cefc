package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import java.util.ArrayList;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.PolicyDocument;
import dev.preflight.dsl.aws.RolePermissions;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * ECS Exec turned on for a service whose tasks have no task role, or one without the Session Manager channel
 * actions: UpdateService refuses the first; with the second, {@code aws ecs execute-command} never connects.
 */
@AutoService(Rule.class)
public final class EcsExecMissingTaskRolePermissions extends DslRule {
    public static final String ID = "ecs-exec-missing-task-role-permissions";
    static final List<String> SSM_MESSAGES = List.of("ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    public EcsExecMissingTaskRolePermissions() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("ECS Exec enabled without a task role allowed the ssmmessages channel actions")
                .prevents("InvalidParameterException: The service couldn't be updated because a valid taskRoleArn "
                        + "is not being used.")
                .check(resources(Kind.ECS_SERVICE).that(enableExecuteCommand())
                        .should(runTasksWhoseRoleCanOpenSessionManagerChannels())
                        .because("the SSM agent in the task opens the exec channels with the task role"))
                .fix(Format.TERRAFORM, "Set task_role_arn to a role whose policy allows "
                        + "ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and "
                        + "OpenDataChannel.")
                .fix(Format.CLOUDFORMATION, "Set TaskRoleArn to a role whose policy allows "
                        + "ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and "
                        + "OpenDataChannel.")
                .doc(DOC);
    }

    static ResourcePredicate enableExecuteCommand() {
        return ResourcePredicate.of("enable ECS Exec", (service, graph) -> {
            Optional<Value> v = service.property("enable_execute_command");
            if (Values.isSet(v) == Truth.FALSE) {
                return Truth.FALSE;
            }
            return Values.resolvedString(v.get(), graph).map(s -> Truth.of(s.equalsIgnoreCase("true")))
                    .orElse(Truth.UNKNOWN);
        });
    }

    static ResourceCondition runTasksWhoseRoleCanOpenSessionManagerChannels() {
        return ResourceCondition.of("run tasks whose task role may open Session Manager channels",
                EcsExecMissingTaskRolePermissions::check);
    }

    private static List<Evidence> evidence(Resource definition, Resource role, List<String> lacking,
                                           ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>();
        out.add(ServiceEvidence.taskDefinition(definition, "task_role_arn", "runs with task role " + role.address()));
        out.addAll(ServiceEvidence.role(role, "is not allowed " + String.join(", ", lacking), graph));
        return out;
    }

    private static void check(Resource service, ResourceGraph graph, ConditionEvents events) {
        Related task = Ecs.taskDefinition().from(service, graph);
        if (task.isEmpty()) {
            events.unknown(service, task.unknownReason());
            return;
        }
        Resource definition = task.resources().get(0);
        Value enabled = service.property("enable_execute_command").orElseThrow();
        if (Values.isSet(definition.property("task_role_arn")) == Truth.FALSE) {
            events.violated(service, service.address() + " enables ECS Exec, but its task definition "
                            + definition.address() + " has no task role", enabled.span(), "enable_execute_command",
                    definition.address() + " no task role", List.of(ServiceEvidence.taskDefinition(definition,
                            "task_role_arn", "has no task role")));
            return;
        }
        Known<Resource> role = RolePermissions.roleAt(definition, "task_role_arn", graph);
        if (!role.isKnown()) {
            events.unknown(service, role.unknownReason());
            return;
        }
        Known<PolicyDocument> permissions = RolePermissions.of(role.value(), graph);
        if (!permissions.isKnown()) {
            events.unknown(service, permissions.unknownReason());
            return;
        }
        List<String> lacking = RolePermissions.lacking(permissions.value(), SSM_MESSAGES);
        if (!lacking.isEmpty()) {
            events.violated(service, service.address() + " enables ECS Exec, but task role "
                            + role.value().address() + " is not allowed " + String.join(", ", lacking)
                            + ": execute-command sessions cannot connect", enabled.span(), "enable_execute_command",
                    role.value().address() + ":" + String.join(",", lacking), evidence(definition, role.value(),
                            lacking, graph));
        }
    }

    private static final String DOC = """
            # ecs-exec-missing-task-role-permissions

            An ECS service with `enable_execute_command = true` (`EnableExecuteCommand: true`) whose task
            definition has no task role (`task_role_arn` / `TaskRoleArn`), or whose task role (a role of this
            scan, all of its policies known) is not allowed all four Session Manager channel actions:
            `ssmmessages:CreateControlChannel`, `ssmmessages:CreateDataChannel`,
            `ssmmessages:OpenControlChannel`, `ssmmessages:OpenDataChannel` (`ssmmessages:*` or `*` count).

            Note: it is the *task* role, not the execution role, that needs them.

            ## What AWS says

            Without a task role:

            ```
            InvalidParameterException: The service couldn't be updated because a valid taskRoleArn is not being used.
            Specify a valid task role in your task definition and try again.
            ```

            With a task role that lacks the actions, the deploy succeeds but `aws ecs execute-command` fails to
            start a session, and the container's managed agent `ExecuteCommandAgent` never reaches RUNNING.

            ## Why it matters

            ECS Exec is usually switched on for an incident, which is the worst time to discover that it cannot
            connect. Policies written with `data "aws_iam_policy_document"` are read as the document the AWS
            provider renders, merged documents included. preflight is silent when the task definition, the task
            role or one of its policies is not known (a policy document with parts that are not known before
            apply, an AWS managed policy other than `AdministratorAccess`).

            ## What it leaves alone, and why

            - Services without `enable_execute_command`: only ECS Exec needs the `ssmmessages` actions, and it needs them on the
              task role (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html, IAM permissions).
            - Task roles that are not in the scan, or with a policy preflight cannot read (a data source, an AWS managed policy
              other than `AdministratorAccess`).

            ## Bad

            ```hcl
            resource "aws_ecs_service" "app" {
              # ...
              task_definition        = aws_ecs_task_definition.app.arn # no task_role_arn
              enable_execute_command = true
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                TaskDefinition: !Ref TaskDefinition # no TaskRoleArn
                EnableExecuteCommand: true
            ```

            ## Good

            ```hcl
            resource "aws_iam_role_policy" "exec" {
              role = aws_iam_role.task.id
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect   = "Allow"
                  Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                              "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
                  Resource = "*"
                }]
              })
            }

            resource "aws_ecs_task_definition" "app" {
              # ...
              task_role_arn = aws_iam_role.task.arn
            }
            ```

            ```yaml
            TaskRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ecs-tasks.amazonaws.com }
                      Action: sts:AssumeRole
                Policies:
                  - PolicyName: ecs-exec
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: ssmmessages:*
                          Resource: "*"
            ```

            """ + RuleDocs.suppression(ID);
}
