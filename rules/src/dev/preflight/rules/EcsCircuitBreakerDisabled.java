package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * A rolling-update ECS service without the deployment circuit breaker and rollback: a deployment whose tasks never
 * become healthy keeps replacing them, paying for every failed task, until someone notices.
 */
@AutoService(Rule.class)
public final class EcsCircuitBreakerDisabled extends DslRule {
    public static final String ID = "ecs-circuit-breaker-disabled";

    public EcsCircuitBreakerDisabled() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Rolling-update ECS service without the deployment circuit breaker and rollback")
                .prevents("A failed deployment that retries tasks for hours instead of rolling back")
                .check(resources(Kind.ECS_SERVICE).that(useRollingUpdates())
                        .should(enableTheCircuitBreakerWithRollback())
                        .because("without it a broken deployment never ends and never rolls back"))
                .fix(Format.TERRAFORM, "Add deployment_circuit_breaker { enable = true, rollback = true }.")
                .fix(Format.CLOUDFORMATION, "Add DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, "
                        + "Rollback: true}}.")
                .doc(DOC);
    }

    /** Services with the ECS deployment controller (the default) and the rolling strategy (the default). */
    static ResourcePredicate useRollingUpdates() {
        return ResourcePredicate.of("use rolling updates of the ECS deployment controller", (service, graph) -> {
            Truth controller = is(service.property("deployment_controller.type"), "ECS", graph);
            Truth strategy = is(service.property("deployment_configuration.strategy"), "ROLLING", graph);
            return controller.and(strategy);
        });
    }

    /** TRUE when the property is absent (the default is {@code expected}) or known to be {@code expected}. */
    private static Truth is(Optional<Value> property, String expected, dev.preflight.graph.ResourceGraph graph) {
        if (Values.isSet(property) == Truth.FALSE) {
            return Truth.TRUE;
        }
        return Values.resolvedString(property.get(), graph).map(v -> Truth.of(v.equalsIgnoreCase(expected)))
                .orElse(Truth.UNKNOWN);
    }

    static ResourceCondition enableTheCircuitBreakerWithRollback() {
        return ResourceCondition.of("enable the deployment circuit breaker with rollback", (service, graph, events) -> {
            Optional<Value> breaker = circuitBreaker(service);
            if (breaker.isEmpty() || breaker.get() instanceof Value.Null) {
                events.violated(service, service.address() + " has no deployment circuit breaker: a deployment "
                                + "whose tasks fail keeps launching them (each one billed) and never rolls back",
                        null, "deployment_circuit_breaker", "(absent)");
                return;
            }
            for (String flag : new String[] {"enable", "rollback"}) {
                Optional<Value> v = breaker.get() instanceof Value.MapValue m ? m.get(flag)
                        : breaker.get() instanceof Value.ListValue l && l.items().size() == 1
                        && l.items().get(0) instanceof Value.MapValue m1 ? m1.get(flag) : Optional.empty();
                if (v.isEmpty()) {
                    events.unknown(service, "the circuit breaker is not known");
                    return;
                }
                Optional<String> known = Values.resolvedString(v.get(), graph);
                if (known.isPresent() && known.get().equalsIgnoreCase("false")) {
                    events.violated(service, service.address() + " sets the deployment circuit breaker's " + flag
                                    + " to false: a failed deployment " + (flag.equals("enable")
                                    ? "keeps launching failing tasks (each one billed)" : "stops but does not roll back")
                                    + " and needs someone to notice",
                            v.get().span(), "deployment_circuit_breaker." + flag, "false");
                    return;
                }
            }
        });
    }

    /** Terraform writes the block at the top; CloudFormation inside DeploymentConfiguration. */
    private static Optional<Value> circuitBreaker(Resource service) {
        Optional<Value> top = service.property("deployment_circuit_breaker");
        return top.isPresent() ? top : service.property("deployment_configuration.deployment_circuit_breaker");
    }

    private static final String DOC = """
            # ecs-circuit-breaker-disabled

            An ECS service that deploys with rolling updates (deployment controller `ECS`, the default, and
            strategy `ROLLING`, the default) without `deployment_circuit_breaker { enable = true, rollback = true }`
            (CloudFormation: `DeploymentConfiguration.DeploymentCircuitBreaker` with `Enable: true` and
            `Rollback: true`). Services with a `CODE_DEPLOY` or `EXTERNAL` controller, or the blue/green strategy,
            are left alone: the circuit breaker only applies to rolling updates.

            ## What it costs

            Without the circuit breaker a deployment whose tasks crash or fail health checks never ends: the
            scheduler keeps launching replacement tasks (each billed for its run time, each pulling the image
            again, through the NAT gateway if there is one) and the old revision is never restored. A CloudFormation
            stack update waits for up to three hours before it rolls back; Terraform with `wait_for_steady_state`
            waits for its timeout. With `rollback = true`, ECS stops the deployment after a threshold of failed
            tasks and returns to the last completed one.

            ## Bad

            ```hcl
            resource "aws_ecs_service" "app" {
              name            = "app"
              cluster         = aws_ecs_cluster.main.id
              task_definition = aws_ecs_task_definition.app.arn
              desired_count   = 2
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                Cluster: !Ref Cluster
                TaskDefinition: !Ref TaskDefinition
                DesiredCount: 2
            ```

            ## Good

            ```hcl
            resource "aws_ecs_service" "app" {
              name            = "app"
              cluster         = aws_ecs_cluster.main.id
              task_definition = aws_ecs_task_definition.app.arn
              desired_count   = 2

              deployment_circuit_breaker {
                enable   = true
                rollback = true
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::ECS::Service
              Properties:
                Cluster: !Ref Cluster
                TaskDefinition: !Ref TaskDefinition
                DesiredCount: 2
                DeploymentConfiguration:
                  DeploymentCircuitBreaker:
                    Enable: true
                    Rollback: true
            ```

            """ + RuleDocs.suppression(ID);
}
