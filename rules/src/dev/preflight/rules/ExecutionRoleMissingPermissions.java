package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ExecutionRoleNeeds;
import dev.preflight.dsl.aws.PolicyDocument;
import dev.preflight.dsl.aws.RolePermissions;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An execution role that cannot do what the task definition asks of it (pull from ECR, write awslogs, read
 * secrets or environment files), or that ECS cannot assume. The task definition registers; every task then stops
 * before its containers start.
 */
@AutoService(Rule.class)
public final class ExecutionRoleMissingPermissions extends DslRule {
    public static final String ID = "execution-role-missing-permissions";
    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    public ExecutionRoleMissingPermissions() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("ECS execution role without the permissions its task definition needs")
                .prevents("ResourceInitializationError: unable to pull secrets or registry auth: ... AccessDenied")
                .check(resources(Kind.ECS_TASK_DEFINITION)
                        .should(haveAnExecutionRoleThatCanDoWhatTheTaskNeeds())
                        .because("the ECS agent uses the execution role to pull images, write logs and fetch secrets"))
                .fix("Attach arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy (ECR and logs), "
                        + "grant secretsmanager:GetSecretValue / ssm:GetParameters for secrets and s3:GetObject for "
                        + "environment files, and trust ecs-tasks.amazonaws.com.")
                .doc(DOC);
    }

    static ResourceCondition haveAnExecutionRoleThatCanDoWhatTheTaskNeeds() {
        return ResourceCondition.of("have an execution role, trusted by ECS, allowed what its containers need",
                ExecutionRoleMissingPermissions::check);
    }

    private static void check(Resource task, ResourceGraph graph, ConditionEvents events) {
        Known<Resource> role = RolePermissions.roleAt(task, "execution_role_arn", graph);
        if (!role.isKnown()) {
            events.unknown(task, role.unknownReason());
            return;
        }
        Value written = task.property("execution_role_arn").orElseThrow();
        if (RolePermissions.trusts(role.value(), ECS_TASKS, graph) == Truth.FALSE) {
            events.violated(task, "execution role " + role.value().address() + " of " + task.address()
                            + " does not trust " + ECS_TASKS + ", so ECS cannot assume it",
                    written.span(), "execution_role_arn", role.value().address() + " trust",
                    List.of(Evidence.property(role.value(), "assume_role_policy_document",
                            role.value().address() + " does not trust " + ECS_TASKS)));
            return;
        }
        Map<String, String> needs = ExecutionRoleNeeds.of(task, graph);
        if (needs.isEmpty()) {
            return;
        }
        Known<PolicyDocument> permissions = RolePermissions.of(role.value(), graph);
        if (!permissions.isKnown()) {
            events.unknown(task, permissions.unknownReason());
            return;
        }
        List<String> lacking = RolePermissions.lacking(permissions.value(), new ArrayList<>(needs.keySet()));
        if (lacking.isEmpty()) {
            return;
        }
        Set<String> reasons = new LinkedHashSet<>();
        lacking.forEach(a -> reasons.add(needs.get(a)));
        events.violated(task, "execution role " + role.value().address() + " of " + task.address() + " is not "
                        + "allowed " + String.join(", ", lacking) + " (" + String.join("; ", reasons)
                        + "): its tasks stop before their containers start",
                written.span(), "execution_role_arn", String.join(",", lacking),
                ServiceEvidence.role(role.value(), "is not allowed " + String.join(", ", lacking), graph));
    }

    private static final String DOC = """
            # execution-role-missing-permissions

            A task definition whose execution role (`execution_role_arn` / `ExecutionRoleArn`, a role of this
            scan) is not allowed what the task's containers need, or does not trust `ecs-tasks.amazonaws.com`:

            | the task definition uses | the execution role needs |
            |---|---|
            | an image from private ECR | `ecr:GetAuthorizationToken`, `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer` |
            | `logConfiguration.logDriver = awslogs` | `logs:CreateLogStream`, `logs:PutLogEvents` |
            | `secrets` from Secrets Manager | `secretsmanager:GetSecretValue` |
            | `secrets` from Parameter Store (an `ssm` ARN or a parameter name) | `ssm:GetParameters` |
            | `environmentFiles` | `s3:GetObject` |

            The role's permissions are gathered through the graph: inline policies (`inline_policy`,
            `Policies`), `managed_policy_arns` / `ManagedPolicyArns`, `aws_iam_role_policy`,
            `aws_iam_role_policy_attachment`, `aws_iam_policy_attachment`, `AWS::IAM::Policy`,
            `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy`. `AmazonECSTaskExecutionRolePolicy` grants the
            ECR and logs actions; wildcards (`ecr:*`, `*`, `ecr:Get*`) count as granting. Resource and condition
            scoping is not judged. A policy may be written as JSON, with `jsonencode`, read with `file()` or
            `templatefile()`, or with `data "aws_iam_policy_document"`: preflight computes that data source's
            document as the AWS provider does, `source_policy_documents` and `override_policy_documents`
            included (a statement with a sid replaces the one with the same sid merged before it).

            preflight is silent when it cannot see every policy of the role: a policy document whose statements
            or merged documents are not known before apply, an AWS managed policy other than the two it knows
            (`AmazonECSTaskExecutionRolePolicy`, `AdministratorAccess`), an attachment whose role is not known, or
            a role that is not in the scan. A role imported from another template of the scan (`Fn::ImportValue`
            of the name it exports its ARN under) is in the scan; since every template may then attach policies
            to it, by import or by its name, the policies of all of them are read.

            ## What AWS says

            The task definition registers; each task stops with a reason such as:

            ```
            ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval
            failed: unable to retrieve ecr registry auth: ... AccessDeniedException: User: arn:aws:sts::...:assumed-role/...
            is not authorized to perform: ecr:GetAuthorizationToken
            ResourceInitializationError: unable to pull secrets or registry auth: ... ssm:GetParameters ...
            ```

            (The exact texts for the logs, secrets and environment file cases are UNCONFIRMED; the prefix is the
            same.)

            ## Why it matters

            The deploy looks successful, but no task ever starts: the service loops on failing tasks.

            ## What it leaves alone, and why

            - Task definitions that can only run on EC2 (`requires_compatibilities` lists `EC2` alone) are not asked for the
              ECR and awslogs permissions: AWS documents the execution role for pulling from private ECR and for awslogs when
              the task runs on Fargate, ECS Managed Instances or external instances, while secrets (and private registry
              authentication) need it wherever the task runs
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html). Without
              `requires_compatibilities` a task definition may run on Fargate, and is judged.
            - Roles with a policy preflight cannot read, and roles outside the scan. Resource and condition scoping of a
              statement is not judged.

            ## Bad

            ```hcl
            resource "aws_iam_role" "execution" {
              name = "app-execution"
              assume_role_policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
                               Principal = { Service = "ecs-tasks.amazonaws.com" } }]
              })
            }
            # no policy attached

            resource "aws_ecs_task_definition" "app" {
              # ...
              execution_role_arn    = aws_iam_role.execution.arn
              container_definitions = jsonencode([{
                name  = "app"
                image = "${aws_ecr_repository.app.repository_url}:1.4.2"
              }])
            }
            ```

            ```yaml
            ExecutionRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ecs-tasks.amazonaws.com }
                      Action: sts:AssumeRole
            ```

            ## Good

            ```hcl
            resource "aws_iam_role_policy_attachment" "execution" {
              role       = aws_iam_role.execution.name
              policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
            }
            ```

            ```yaml
            ExecutionRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ecs-tasks.amazonaws.com }
                      Action: sts:AssumeRole
                ManagedPolicyArns:
                  - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
            ```

            """ + RuleDocs.suppression(ID);
}
