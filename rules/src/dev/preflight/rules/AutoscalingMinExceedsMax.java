package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.aws.PortMappings;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.Optional;

/** An Application Auto Scaling target whose minimum capacity is above its maximum. */
@AutoService(Rule.class)
public final class AutoscalingMinExceedsMax extends DslRule {
    public static final String ID = "autoscaling-min-exceeds-max";

    public AutoscalingMinExceedsMax() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Application Auto Scaling target with min_capacity greater than max_capacity")
                .prevents("ValidationException from RegisterScalableTarget (exact text UNCONFIRMED)")
                .check(resources(Kind.AUTOSCALING_TARGET)
                        .should(haveMinAtMostMax())
                        .because("scaling never leaves [min, max], which is empty when min > max"))
                .fix(Format.TERRAFORM, "Swap the values, or lower min_capacity to at most max_capacity.")
                .fix(Format.CLOUDFORMATION, "Swap the values, or lower MinCapacity to at most MaxCapacity.")
                .doc(DOC);
    }

    static ResourceCondition haveMinAtMostMax() {
        return ResourceCondition.of("have min capacity at most max capacity", (target, graph, events) -> {
            Optional<Value> min = target.property("min_capacity");
            Optional<Value> max = target.property("max_capacity");
            Optional<Long> lo = min.flatMap(v -> PortMappings.number(v, graph));
            Optional<Long> hi = max.flatMap(v -> PortMappings.number(v, graph));
            if (lo.isEmpty() || hi.isEmpty()) {
                events.unknown(target, "min or max capacity not known");
                return;
            }
            if (lo.get() > hi.get()) {
                events.violated(target, target.address() + " has min capacity " + lo.get()
                                + " above max capacity " + hi.get(), min.get().span(), "min_capacity",
                        lo.get() + ">" + hi.get());
            }
        });
    }

    private static final String DOC = """
            # autoscaling-min-exceeds-max

            An Application Auto Scaling scalable target (`aws_appautoscaling_target`,
            `AWS::ApplicationAutoScaling::ScalableTarget`) whose `min_capacity` / `MinCapacity` is greater than
            its `max_capacity` / `MaxCapacity`. Values are followed through variables, locals, tfvars and
            parameters; preflight is silent when either is not known.

            ## What AWS says

            RegisterScalableTarget refuses the target with a `ValidationException`; the exact text is
            UNCONFIRMED (aws-facts.md §14).

            ## Why it matters

            The scalable target is not registered, so the apply fails, and the scaling policies that depend on it
            are never created. It usually comes from per-environment variables where one environment's minimum
            was raised without its maximum.

            ## Bad

            ```hcl
            resource "aws_appautoscaling_target" "ecs" {
              service_namespace  = "ecs"
              resource_id        = "service/app-cluster/app"
              scalable_dimension = "ecs:service:DesiredCount"
              min_capacity       = 4
              max_capacity       = 2
            }
            ```

            ```yaml
            ScalableTarget:
              Type: AWS::ApplicationAutoScaling::ScalableTarget
              Properties:
                ServiceNamespace: ecs
                ResourceId: service/app-cluster/app
                ScalableDimension: ecs:service:DesiredCount
                MinCapacity: 4
                MaxCapacity: 2
            ```

            ## Good

            ```hcl
            min_capacity = 2
            max_capacity = 4
            ```

            ```yaml
            MinCapacity: 2
            MaxCapacity: 4
            ```

            """ + RuleDocs.suppression(ID);
}
