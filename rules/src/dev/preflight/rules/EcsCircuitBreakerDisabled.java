package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ServiceLoadBalancers;
import dev.preflight.dsl.aws.ServiceLoadBalancers.Registration;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.List;
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

    /**
     * Services with the ECS deployment controller (the default) and the rolling strategy (the default), the scope
     * AWS documents for the circuit breaker, that are replica services (the default; a DAEMON service has no desired
     * count, which the breaker's failure threshold is computed from) and are not behind a Classic Load Balancer
     * (which the API reference excluded).
     */
    static ResourcePredicate useRollingUpdates() {
        return ResourcePredicate.of("use rolling updates of the ECS deployment controller as replica services "
                + "not behind a Classic Load Balancer", (service, graph) -> {
                    Truth controller = is(service.property("deployment_controller.type"), "ECS", graph);
                    Truth strategy = is(service.property("deployment_configuration.strategy"), "ROLLING", graph);
                    Truth replica = is(service.property("scheduling_strategy"), "REPLICA", graph);
                    return controller.and(strategy).and(replica).and(behindAClassicLoadBalancer(service).not());
                });
    }

    /** Whether a load balancer registration of the service names a Classic Load Balancer. */
    private static Truth behindAClassicLoadBalancer(Resource service) {
        Known<List<Registration>> registrations = ServiceLoadBalancers.of(service);
        if (!registrations.isKnown()) {
            return Truth.UNKNOWN;
        }
        Truth classic = Truth.FALSE;
        for (Registration r : registrations.value()) {
            Optional<Value> name = r.classicLoadBalancer();
            // a plan spells an unset name as ""
            boolean blank = name.isPresent() && name.get() instanceof Value.Str s && s.value().isEmpty();
            classic = classic.or(blank ? Truth.FALSE : Values.isSet(name));
        }
        return classic;
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
            `Rollback: true`).

            ## What it leaves alone, and why

            - Services with a `CODE_DEPLOY` or `EXTERNAL` deployment controller: the API reference limits the
              circuit breaker to the rolling update (`ECS`) deployment type
              (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html); a
              CodeDeploy blue/green deployment has its own rollback.
            - Services with another deployment strategy than `ROLLING` (`deployment_configuration.strategy` /
              `DeploymentConfiguration.Strategy`: `BLUE_GREEN`, `LINEAR`, `CANARY`): the API reference above scopes
              the breaker to rolling updates, while the developer guide also lists blue/green deployments
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html).
              preflight asks for the breaker only where both pages agree.
            - `DAEMON` services (`scheduling_strategy` / `SchedulingStrategy`): AWS describes the breaker for
              rolling updates of a desired task count, its failure threshold being half the desired count
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html), and a
              daemon service has no desired count: it runs one task per container instance
              (`schedulingStrategy` in
              https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html). AWS never documents
              the breaker for daemon deployments, so preflight does not ask for it there.
            - Services behind a Classic Load Balancer (`load_balancer { elb_name }` /
              `LoadBalancers[].LoadBalancerName`): earlier versions of the ECS API reference also excluded
              services behind a Classic Load Balancer; the current one no longer says so, and preflight stays
              silent where AWS's own pages disagree.

            A value that is not known before apply (a variable controller type, strategy or scheduling strategy, a
            dynamic `load_balancer` block) makes the rule silent.

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
