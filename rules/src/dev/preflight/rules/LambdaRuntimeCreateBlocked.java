package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.ScanClock;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.LambdaRuntimes;
import dev.preflight.dsl.aws.LambdaRuntimes.Lifecycle;
import dev.preflight.graph.Kind;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A Lambda function on a runtime whose "block function create" date has passed: CreateFunction refuses it, so the
 * apply or the stack fails when the function is created (a new environment, a replaced function). The schedule is a
 * dated data file; today comes from a clock that tests fix.
 */
@AutoService(Rule.class)
public final class LambdaRuntimeCreateBlocked extends DslRule {
    public static final String ID = "lambda-runtime-create-blocked";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public LambdaRuntimeCreateBlocked() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public LambdaRuntimeCreateBlocked(Clock clock) {
        super(define(clock, LambdaRuntimes.bundled()));
    }

    static RuleDefinition define(Clock clock, LambdaRuntimes table) {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Lambda function on a runtime AWS no longer accepts for new functions")
                .prevents("InvalidParameterValueException: The runtime parameter of <runtime> is no longer supported "
                        + "for creating or updating AWS Lambda functions")
                .check(resources(Kind.LAMBDA_FUNCTION)
                        .should(useARuntimeLambdaStillCreates(clock, table))
                        .because("Lambda blocks creating functions on a deprecated runtime from its block date"))
                .fix("Move the function to a supported runtime of the same language (e.g. nodejs22.x, python3.13, "
                        + "java21, provided.al2023) and test it there.")
                .doc(doc(table))
                .facts(table.factSource());
    }

    static ResourceCondition useARuntimeLambdaStillCreates(Clock clock, LambdaRuntimes table) {
        return ResourceCondition.of("use a runtime Lambda still creates functions on", (function, graph, events) ->
                table.ofFunction(function, graph).ifPresent(written -> {
                    LocalDate today = LocalDate.now(clock);
                    Lifecycle l = written.lifecycle();
                    if (!l.createBlockedOn(today)) {
                        return;
                    }
                    String updates = l.blockUpdate().map(d -> (today.isBefore(d) ? "; updates are blocked from "
                            : " and updates since ") + d).orElse("");
                    events.violated(function, function.address() + " uses runtime " + l.runtime() + ", on which "
                                    + "Lambda has refused to create functions since " + l.blockCreate().get() + updates
                                    + ": creating this function fails (Lambda runtime schedule of " + table.tableDate()
                                    + ")", written.value().span(), "runtime", Values.show(written.value()));
                }));
    }

    private static String doc(LambdaRuntimes table) {
        return """
                # lambda-runtime-create-blocked

                A Lambda function (`aws_lambda_function`, `AWS::Lambda::Function`, SAM's `AWS::Serverless::Function`,
                including a runtime inherited from SAM's `Globals.Function.Runtime`) whose `runtime` / `Runtime` is a
                managed runtime on which, on the day of the scan, Lambda no longer creates functions: its "block
                function create" date has passed.

                Lambda deprecates a runtime when its language version or operating system reaches end of life: it
                stops patching it, then blocks creating functions on it, then blocks updating them. Functions that
                exist keep running, so the failure appears when the function is created: a new environment, a new
                stack, or a change that replaces the function. CreateFunction fails with
                `InvalidParameterValueException: The runtime parameter of python3.6 is no longer supported for
                creating or updating AWS Lambda functions`, and the apply or the stack fails there.

                The schedule is the table in `src/main/resources/dev/preflight/rules/lambda-runtimes.properties`,
                read {date} from {source} (`preflight explain` shows both). Runtimes that are not in it, and runtimes
                not known before apply, are not judged. A runtime whose block is coming, or that is deprecated but
                still creatable, is `lambda-runtime-deprecated` (a warning).

                ## Bad

                ```hcl
                resource "aws_lambda_function" "handler" {
                  function_name = "handler"
                  role          = aws_iam_role.lambda.arn
                  handler       = "index.handler"
                  runtime       = "nodejs12.x"
                  filename      = "handler.zip"
                }
                ```

                ```yaml
                Handler:
                  Type: AWS::Lambda::Function
                  Properties:
                    Handler: index.handler
                    Runtime: python3.6
                    Role: !GetAtt LambdaRole.Arn
                    Code:
                      ZipFile: "def handler(event, context): return None"
                ```

                ## Good

                ```hcl
                resource "aws_lambda_function" "handler" {
                  # ...
                  runtime = "nodejs22.x"
                }
                ```

                ```yaml
                Handler:
                  Type: AWS::Lambda::Function
                  Properties:
                    Runtime: python3.13
                ```

                ## Sources

                - AWS Lambda Developer Guide, "Lambda runtimes" and "Runtime deprecation":
                  https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
                - The error text as CloudFormation and Terraform print it, e.g. in
                  aws-samples/amazon-ec2-gitlab-runner#7 and awslabs/aws-gov-cloud-import#18.

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
