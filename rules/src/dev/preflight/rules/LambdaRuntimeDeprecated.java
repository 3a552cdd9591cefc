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
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda function on a runtime that is deprecated (no longer patched) but still creatable, or whose create or
 * update block starts within the next {@value LambdaRuntimes#WARNING_DAYS} days: it deploys today and fails to
 * deploy on the block date. Once creation is blocked, {@link LambdaRuntimeCreateBlocked} reports it instead.
 */
@AutoService(Rule.class)
public final class LambdaRuntimeDeprecated extends DslRule {
    public static final String ID = "lambda-runtime-deprecated";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public LambdaRuntimeDeprecated() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public LambdaRuntimeDeprecated(Clock clock) {
        super(define(clock, LambdaRuntimes.bundled()));
    }

    static RuleDefinition define(Clock clock, LambdaRuntimes table) {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Lambda function on a deprecated runtime, or one Lambda blocks within 180 days")
                .prevents("Deploys that start failing on the runtime's block date (InvalidParameterValueException: "
                        + "The runtime parameter of <runtime> is no longer supported), and an unpatched runtime")
                .check(resources(Kind.LAMBDA_FUNCTION)
                        .should(useARuntimeFarFromItsBlockDates(clock, table))
                        .because("after the block dates a function on the runtime can be neither created nor updated"))
                .fix("Move the function to a supported runtime of the same language before the block date, and "
                        + "test it there.")
                .doc(doc(table))
                .facts(table.factSource());
    }

    static ResourceCondition useARuntimeFarFromItsBlockDates(Clock clock, LambdaRuntimes table) {
        return ResourceCondition.of("use a runtime that is supported and not blocked within "
                + LambdaRuntimes.WARNING_DAYS + " days", (function, graph, events) ->
                table.ofFunction(function, graph).ifPresent(written -> {
                    LocalDate today = LocalDate.now(clock);
                    Lifecycle l = written.lifecycle();
                    if (l.createBlockedOn(today) || !(l.deprecatedOn(today) || l.blockComingAfter(today))) {
                        return;
                    }
                    events.violated(function, function.address() + " uses runtime " + l.runtime() + ", "
                                    + state(l, today) + " (Lambda runtime schedule of " + table.tableDate() + ")",
                            written.value().span(), "runtime", Values.show(written.value()));
                }));
    }

    /** What is past and what is coming: "deprecated since ...; Lambda blocks creating ... from ...". */
    private static String state(Lifecycle l, LocalDate today) {
        List<String> parts = new ArrayList<>();
        l.deprecation().ifPresent(d -> parts.add(today.isBefore(d) ? "deprecated from " + d
                : "deprecated since " + d + " (no more security patches)"));
        String blocks = "";
        if (l.blockCreate().isPresent()) {
            blocks = "Lambda blocks creating functions on it from " + l.blockCreate().get();
        }
        if (l.blockUpdate().isPresent()) {
            String update = (today.isBefore(l.blockUpdate().get()) ? "updating them from " : "updating them since ")
                    + l.blockUpdate().get();
            blocks = blocks.isEmpty() ? "Lambda blocks " + update + " (and creating them before that)"
                    : blocks + " and " + update;
        }
        if (!blocks.isEmpty()) {
            parts.add(blocks);
        }
        return String.join("; ", parts);
    }

    private static String doc(LambdaRuntimes table) {
        return """
                # lambda-runtime-deprecated

                A Lambda function (`aws_lambda_function`, `AWS::Lambda::Function`, SAM's `AWS::Serverless::Function`,
                including a runtime inherited from SAM's `Globals.Function.Runtime`) whose `runtime` / `Runtime`, on the
                day of the scan, is either deprecated but still creatable, or has a "block function create" or "block
                function update" date within the next 180 days.

                The function deploys today. After the block function create date, CreateFunction fails
                (`InvalidParameterValueException: The runtime parameter of nodejs18.x is no longer supported for
                creating or updating AWS Lambda functions`), so a new environment or a replaced function fails to
                deploy; after the block function update date, no change to the function's code or configuration can
                be deployed either, not even a hotfix, until it moves to a supported runtime. A deprecated runtime
                also gets no more security patches. Once creation is blocked, the finding is
                `lambda-runtime-create-blocked` (an error) instead.

                The schedule is the table in `src/main/resources/dev/preflight/rules/lambda-runtimes.properties`,
                read {date} from {source} (`preflight explain` shows both). AWS has moved block dates later more than
                once; the message names the dates the table holds. Runtimes that are not in it, and runtimes not known
                before apply, are not judged.

                ## Bad

                ```hcl
                resource "aws_lambda_function" "handler" {
                  function_name = "handler"
                  role          = aws_iam_role.lambda.arn
                  handler       = "index.handler"
                  runtime       = "nodejs20.x"
                  filename      = "handler.zip"
                }
                ```

                ```yaml
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: python3.9
                Resources:
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      CodeUri: src/
                ```

                ## Good

                ```hcl
                resource "aws_lambda_function" "handler" {
                  # ...
                  runtime = "nodejs24.x"
                }
                ```

                ```yaml
                Globals:
                  Function:
                    Runtime: python3.13
                ```

                ## Sources

                - AWS Lambda Developer Guide, "Lambda runtimes" and "Runtime deprecation":
                  https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
                - AWS end-of-support notices, e.g. for Node.js 20 (quoted in awslabs/landing-zone-accelerator-on-aws#961)
                  and Python 3.9 (quoted in data-dot-all/dataall#1842).

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
