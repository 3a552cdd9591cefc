package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
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
import dev.preflight.dsl.aws.ServiceLoadBalancers;
import dev.preflight.dsl.aws.ServiceLoadBalancers.Registration;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * An awsvpc service registered with an {@code instance} target group: ECS registers task IPs, which an instance
 * target group cannot hold, so CreateService fails. {@code instance} is the default, which is why this is common.
 */
@AutoService(Rule.class)
public final class TargetGroupTypeIncompatible extends DslRule {
    public static final String ID = "target-group-type-incompatible";

    public TargetGroupTypeIncompatible() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("awsvpc ECS service registered with a target group of target type instance")
                .prevents("InvalidParameterException: The provided target group ... has target type instance, "
                        + "which is incompatible with the awsvpc network mode specified in the task definition.")
                .check(resources(Kind.ECS_SERVICE).that(runTasksInAwsvpcMode())
                        .should(registerWithIpTargetGroups())
                        .because("awsvpc tasks are registered by IP address, not by instance"))
                .fix(Format.TERRAFORM, "Set target_type = \"ip\" on the target group; it forces a new target group.")
                .fix(Format.CLOUDFORMATION, "Set TargetType: ip on the target group; it replaces the target group.")
                .doc(DOC);
    }

    /** Services whose task definition is in the scan and uses network mode awsvpc. */
    static ResourcePredicate runTasksInAwsvpcMode() {
        return ResourcePredicate.of("run tasks in awsvpc network mode", (service, graph) -> {
            Related task = Ecs.taskDefinition().from(service, graph);
            if (task.isEmpty()) {
                return Truth.UNKNOWN;
            }
            Optional<Value> mode = task.resources().get(0).property("network_mode");
            if (mode.isEmpty()) {
                return Truth.FALSE;
            }
            return Values.resolvedString(mode.get(), graph).map(m -> Truth.of(m.equals("awsvpc")))
                    .orElse(Truth.UNKNOWN);
        });
    }

    static ResourceCondition registerWithIpTargetGroups() {
        return ResourceCondition.of("register only with target groups of target type ip", (service, graph, events) -> {
            Known<List<Registration>> registrations = ServiceLoadBalancers.of(service);
            if (!registrations.isKnown()) {
                events.unknown(service, registrations.unknownReason());
                return;
            }
            for (Registration r : registrations.value()) {
                Optional<Value> arn = r.get("target_group_arn");
                Optional<Resource> group = arn.flatMap(v -> graph.target(
                        v instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v))
                        .filter(g -> g.kind() == Kind.TARGET_GROUP && !g.isDataSource());
                if (group.isEmpty()) {
                    continue;
                }
                Optional<Value> type = group.get().property("target_type");
                String shown;
                if (Values.isSet(type) == Truth.FALSE) {
                    shown = "instance (the default)";
                } else {
                    Optional<String> known = Values.resolvedString(type.get(), graph);
                    if (known.isEmpty() || !known.get().equals("instance")) {
                        continue;
                    }
                    shown = "instance";
                }
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(Evidence.property(group.get(), "target_type", group.get().address()
                        + " has target type " + shown));
                group.get().property("target_type").ifPresent(v -> evidence.addAll(Evidence.valueSources(v)));
                Ecs.taskDefinition().from(service, graph).resources().forEach(t -> evidence.add(
                        ServiceEvidence.taskDefinition(t, "network_mode", "runs in network mode awsvpc")));
                events.violated(service, service.address() + " runs awsvpc tasks but registers them with "
                                + group.get().address() + ", whose target type is " + shown
                                + "; awsvpc tasks need target type ip",
                        arn.get().span(), r.path("target_group_arn"), group.get().address(), evidence);
            }
        });
    }

    private static final String DOC = """
            # target-group-type-incompatible

            An ECS service whose task definition uses network mode `awsvpc` (every Fargate service) registered,
            through `load_balancer` / `LoadBalancers`, with a target group whose `target_type` / `TargetType` is
            `instance`, or is omitted: `instance` is the default in both Terraform and CloudFormation.

            ## What AWS says

            ```
            InvalidParameterException: The provided target group arn:aws:elasticloadbalancing:...:targetgroup/NAME/ID
            has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.
            ```

            ## Why it matters

            CreateService fails, after the load balancer and target group were created. Changing `target_type`
            replaces the target group, so the listener rules that forward to it change too.

            ## What it leaves alone, and why

            - Task definitions in `bridge` or `host` mode, where `instance` targets are right: only `awsvpc` tasks need the
              `ip` target type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html).
            - Target groups and network modes not known before apply.

            ## Bad

            ```hcl
            resource "aws_lb_target_group" "app" {
              name     = "app"
              port     = 8080
              protocol = "HTTP"
              vpc_id   = aws_vpc.main.id
            }

            resource "aws_ecs_service" "app" {
              name            = "app"
              task_definition = aws_ecs_task_definition.app.arn # network_mode = "awsvpc"
              load_balancer {
                target_group_arn = aws_lb_target_group.app.arn
                container_name   = "app"
                container_port   = 8080
              }
              # ...
            }
            ```

            ```yaml
            TargetGroup:
              Type: AWS::ElasticLoadBalancingV2::TargetGroup
              Properties:
                Port: 8080
                Protocol: HTTP
                VpcId: !Ref Vpc
            ```

            ## Good

            ```hcl
            resource "aws_lb_target_group" "app" {
              name        = "app"
              port        = 8080
              protocol    = "HTTP"
              vpc_id      = aws_vpc.main.id
              target_type = "ip"
            }
            ```

            ```yaml
            TargetGroup:
              Type: AWS::ElasticLoadBalancingV2::TargetGroup
              Properties:
                Port: 8080
                Protocol: HTTP
                VpcId: !Ref Vpc
                TargetType: ip
            ```

            """ + RuleDocs.suppression(ID);
}
