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
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * An EC2 Auto Scaling group whose sizes contradict each other: a minimum above the maximum, or a desired capacity
 * outside [min, max]. CreateAutoScalingGroup and UpdateAutoScalingGroup refuse both.
 */
@AutoService(Rule.class)
public final class AutoscalingGroupSizeInvalid extends DslRule {
    public static final String ID = "autoscaling-group-size-invalid";

    public AutoscalingGroupSizeInvalid() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Auto Scaling group with min_size above max_size, or desired_capacity outside them")
                .prevents("ValidationError: Desired capacity:<n> must be between the specified min size:<min> and "
                        + "max size:<max>")
                .check(resources(Kind.AUTOSCALING_GROUP)
                        .should(haveConsistentSizes())
                        .because("a group's desired capacity must lie within its minimum and maximum size"))
                .fix("Make min_size <= desired_capacity <= max_size (MinSize, DesiredCapacity, MaxSize), or leave "
                        + "desired_capacity out so that it starts at min_size.")
                .doc(DOC);
    }

    static ResourceCondition haveConsistentSizes() {
        return ResourceCondition.of("have min size <= desired capacity <= max size", (group, graph, events) -> {
            if (group.isDataSource()) {
                return;
            }
            Optional<Value> min = group.property("min_size");
            Optional<Value> max = group.property("max_size");
            Optional<Value> desired = group.property("desired_capacity");
            Optional<Long> lo = min.flatMap(v -> PortMappings.number(v, graph));
            Optional<Long> hi = max.flatMap(v -> PortMappings.number(v, graph));
            Optional<Long> want = desired.flatMap(v -> PortMappings.number(v, graph));
            if (lo.isPresent() && hi.isPresent() && lo.get() > hi.get()) {
                events.violated(group, group.address() + " has min size " + lo.get() + " above max size " + hi.get()
                        + ": the group cannot be created", min.get().span(), "min_size", lo.get() + ">" + hi.get());
            } else if (want.isPresent() && (lo.filter(l -> want.get() < l).isPresent()
                    || hi.filter(h -> want.get() > h).isPresent())) {
                events.violated(group, group.address() + " has desired capacity " + want.get() + " outside its "
                                + "min size " + lo.map(String::valueOf).orElse("?") + " and max size "
                                + hi.map(String::valueOf).orElse("?") + ": the group cannot be created or updated",
                        desired.get().span(), "desired_capacity", String.valueOf(want.get()));
            }
        });
    }

    private static final String DOC = """
            # autoscaling-group-size-invalid

            An EC2 Auto Scaling group (`aws_autoscaling_group`, `AWS::AutoScaling::AutoScalingGroup`) whose
            `min_size` / `MinSize` is greater than its `max_size` / `MaxSize`, or whose `desired_capacity` /
            `DesiredCapacity` is below the minimum or above the maximum. Values are followed through variables,
            locals, tfvars and parameters; preflight is silent about a size it cannot know. (For an Application
            Auto Scaling target, such as an ECS service's task count, see `autoscaling-min-exceeds-max`.)

            ## What AWS says

            The CreateAutoScalingGroup and UpdateAutoScalingGroup API reference requires the desired capacity to be
            at least the group's minimum size and at most its maximum size. The call fails with `ValidationError: Desired capacity:2 must be between the specified min
            size:4 and max size:10`, and the apply or the stack update fails. It usually comes from per-environment
            variables where one size was changed without the others.

            ## Bad

            ```hcl
            resource "aws_autoscaling_group" "ecs" {
              min_size            = 4
              max_size            = 10
              desired_capacity    = 2
              vpc_zone_identifier = var.private_subnet_ids
              launch_template {
                id = aws_launch_template.ecs.id
              }
            }
            ```

            ```yaml
            Group:
              Type: AWS::AutoScaling::AutoScalingGroup
              Properties:
                MinSize: "3"
                MaxSize: "2"
                LaunchTemplate:
                  LaunchTemplateId: !Ref LaunchTemplate
                  Version: !GetAtt LaunchTemplate.LatestVersionNumber
            ```

            ## Good

            ```hcl
            min_size         = 2
            max_size         = 10
            desired_capacity = 4
            ```

            ```yaml
            MinSize: "2"
            MaxSize: "3"
            ```

            ## Sources

            - Amazon EC2 Auto Scaling API Reference, CreateAutoScalingGroup (DesiredCapacity, MinSize, MaxSize):
              https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
            - The error as CloudFormation prints it, e.g. in convox/praxis#258 and banzaicloud/pipeline#3017.

            """ + RuleDocs.suppression(ID);
}
