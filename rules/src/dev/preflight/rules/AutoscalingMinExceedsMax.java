package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import java.util.List;
import java.util.ArrayList;
import dev.preflight.graph.Resource;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Values;
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

    /** Where the maximum is written (when not on the same line) and where its value came from. */
    private static List<Evidence> maxEvidence(Resource target, Value max) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.valueSource(max.span() != null ? max.span() : target.span(), "max_capacity = "
                + Values.show(max)));
        out.addAll(Evidence.valueSources(max));
        return out;
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
                        lo.get() + ">" + hi.get(), maxEvidence(target, max.get()));
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

            ## What it leaves alone, and why

            Nothing but unknown values: every scalable target is registered with a minimum and a maximum capacity, and
            scaling stays between them
            (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).

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
