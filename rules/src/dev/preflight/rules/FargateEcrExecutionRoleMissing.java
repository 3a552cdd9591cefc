package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import java.util.ArrayList;
import java.util.List;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.Optional;

/** Fargate pulls ECR images with the task's execution role; without one the task definition is refused. */
@AutoService(Rule.class)
public final class FargateEcrExecutionRoleMissing extends DslRule {
    public static final String ID = "fargate-ecr-execution-role-missing";
    private static final String ROLE = "execution_role_arn";

    public FargateEcrExecutionRoleMissing() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Fargate task definition pulling from ECR without an execution role")
                .prevents("ClientException: Fargate requires task definition to have execution role ARN to support "
                        + "ECR images")
                .check(resources(Kind.ECS_TASK_DEFINITION).that(Ecs.requiresFargate()).and(Ecs.pullFromEcr())
                        .should(haveAnExecutionRole())
                        .because("Fargate authenticates to ECR with the execution role"))
                .fix(Format.TERRAFORM, "Set execution_role_arn to a role trusted by ecs-tasks.amazonaws.com with "
                        + "the managed policy AmazonECSTaskExecutionRolePolicy attached.")
                .fix(Format.CLOUDFORMATION, "Set ExecutionRoleArn to a role trusted by ecs-tasks.amazonaws.com with "
                        + "the managed policy AmazonECSTaskExecutionRolePolicy attached.")
                .doc(DOC);
    }

    /** {@code execution_role_arn} is written and not null. */
    static ResourceCondition haveAnExecutionRole() {
        return ResourceCondition.of("have an execution role", (task, graph, events) -> {
            Optional<Value> role = task.property(ROLE);
            Truth set = Values.isSet(role);
            if (set == Truth.UNKNOWN) {
                events.unknown(task, "the execution role of " + task.address() + " is not known");
                return;
            }
            if (set.isTrue()) {
                events.satisfied(task, task.address() + " has execution role " + Values.show(role.get()),
                        role.get().span(), ROLE, Values.show(role.get()));
                return;
            }
            List<Evidence> evidence = new ArrayList<>(ServiceEvidence.launchTypes(task));
            Ecs.firstEcrContainer(task, graph).flatMap(c -> c.image())
                    .ifPresent(image -> evidence.addAll(ServiceEvidence.imageRepositories(image, graph)));
            String container = Ecs.firstEcrContainer(task, graph)
                    .map(c -> "container " + c.name() + " pulls " + c.image().map(Values::show).orElse("?"))
                    .orElse("a container pulls from ECR");
            events.violated(task, task.address() + " requires FARGATE and " + container
                            + " from ECR, but has no execution role",
                    role.map(Value::span).orElse(null), ROLE, role.map(Values::show).orElse("(absent)"), evidence);
        });
    }

    private static final String DOC = """
            # fargate-ecr-execution-role-missing

            A task definition that requires Fargate (`requires_compatibilities` / `RequiresCompatibilities`
            contains `FARGATE`), has a container whose image is in a private ECR registry, and has no execution
            role (`execution_role_arn` / `ExecutionRoleArn` absent or null).

            An image is from ECR when it is `ACCOUNT.dkr.ecr.REGION.amazonaws.com/...` (also with the account or
            region interpolated, as in `!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0`), or
            a reference to an ECR repository's URL (`aws_ecr_repository.app.repository_url`,
            `!GetAtt Repository.RepositoryUri`). ECR Public (`public.ecr.aws/...`) and Docker Hub need no role.
            The reference may come from another template of the scan: an `Fn::ImportValue` of a name that one
            template exports (CDK's generated export names included) reads that template's output.

            ## What AWS says

            ```
            ClientException: Fargate requires task definition to have execution role ARN to support ECR images.
            ```

            ## Why it matters

            On Fargate, the ECS agent pulls the image with the credentials of the task's *execution* role (not
            the task role). `RegisterTaskDefinition` refuses the definition, so the deploy fails. preflight is
            silent when the role is unknown before apply (a variable that might be null).

            ## What it leaves alone, and why

            - Task definitions that do not require Fargate, and images from ECR Public or other registries: AWS documents the
              execution role for pulling from a private ECR repository on Fargate
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html).
            - Execution roles that are not known before apply (a variable that might be null).

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "512"
              container_definitions = jsonencode([{
                name  = "app"
                image = "${aws_ecr_repository.app.repository_url}:1.4.2"
              }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: awsvpc
                Cpu: "256"
                Memory: "512"
                ContainerDefinitions:
                  - Name: app
                    Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.4.2
            ```

            ## Good

            ```hcl
            resource "aws_iam_role" "execution" {
              name = "app-execution"
              assume_role_policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
                               Principal = { Service = "ecs-tasks.amazonaws.com" } }]
              })
            }

            resource "aws_iam_role_policy_attachment" "execution" {
              role       = aws_iam_role.execution.name
              policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
            }

            resource "aws_ecs_task_definition" "app" {
              # ... as above, plus:
              execution_role_arn = aws_iam_role.execution.arn
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                ExecutionRoleArn: !GetAtt ExecutionRole.Arn
                # ... as above
            ```

            """ + RuleDocs.suppression(ID);
}
