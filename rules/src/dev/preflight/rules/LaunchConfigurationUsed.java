package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launch configurations, which AWS accounts created on or after 2024-10-01 cannot create at all: a configuration
 * that writes one (or an Auto Scaling group that names one) deploys only in older accounts, and gets no EC2 feature
 * or instance type added since 2023.
 */
@AutoService(Rule.class)
public final class LaunchConfigurationUsed extends DslRule {
    public static final String ID = "launch-configuration-used";

    public LaunchConfigurationUsed() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Launch configuration, which AWS accounts created since October 2024 cannot create")
                .prevents("CreateLaunchConfiguration refused in accounts created on or after 2024-10-01, and no "
                        + "instance type released since 2023-01-01")
                .check(resources(Kind.LAUNCH_CONFIGURATION, Kind.AUTOSCALING_GROUP)
                        .should(launchFromALaunchTemplate())
                        .because("AWS stopped adding features to launch configurations and is retiring them"))
                .fix("Replace the launch configuration with a launch template (aws_launch_template, "
                        + "AWS::EC2::LaunchTemplate) and point the Auto Scaling group's launch_template "
                        + "(LaunchTemplate) at it.")
                .doc(DOC);
    }

    static ResourceCondition launchFromALaunchTemplate() {
        return ResourceCondition.of("launch instances from a launch template", (r, graph, events) -> {
            if (r.isDataSource()) {
                return;
            }
            if (r.kind() == Kind.LAUNCH_CONFIGURATION) {
                events.violated(r, r.address() + " is a launch configuration: accounts created on or after "
                                + "2024-10-01 cannot create one, so this configuration does not deploy in a new "
                                + "account, and it cannot use instance types released since 2023",
                        null, "type", r.type(), users(r, graph));
            } else {
                checkGroup(r, graph, events);
            }
        });
    }

    /** A group naming a launch configuration that is not written in this configuration (which is reported itself). */
    private static void checkGroup(Resource group, ResourceGraph graph, ConditionEvents events) {
        Optional<Value> name = group.property("launch_configuration_name");
        if (Values.isSet(name) != Truth.TRUE) {
            return;
        }
        for (Resource target : Values.referencedResources(name.get(), graph)) {
            if (target.kind() == Kind.LAUNCH_CONFIGURATION && !target.isDataSource()) {
                return;
            }
        }
        events.violated(group, group.address() + " launches instances from launch configuration "
                        + Values.show(name.get()) + ": accounts created on or after 2024-10-01 cannot create launch "
                        + "configurations, so this group cannot be reproduced in a new account",
                name.get().span(), "launch_configuration_name", Values.show(name.get()));
    }

    /** The groups that launch from {@code config}, and the ECS capacity providers that scale those groups. */
    private static List<Evidence> users(Resource config, ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>();
        for (Resource group : graph.referrers(config, Kind.AUTOSCALING_GROUP)) {
            out.add(Evidence.resource(group.span(), group.address() + " launches its instances from it"));
            for (Resource provider : graph.referrers(group, Kind.ECS_CAPACITY_PROVIDER)) {
                out.add(Evidence.resource(provider.span(), provider.address() + " scales " + group.address()));
            }
        }
        return out;
    }

    private static final String DOC = """
            # launch-configuration-used

            A launch configuration (`aws_launch_configuration`, `AWS::AutoScaling::LaunchConfiguration`), or an
            Auto Scaling group (`aws_autoscaling_group`, `AWS::AutoScaling::AutoScalingGroup`) whose
            `launch_configuration` / `LaunchConfigurationName` names a launch configuration that is not written in
            the same configuration. The finding on a launch configuration lists the Auto Scaling groups that launch
            from it and the ECS capacity providers that scale those groups.

            ## What fails

            AWS is retiring launch configurations. From the EC2 Auto Scaling User Guide:

            - since January 1, 2023, new EC2 instance types are not supported in launch configurations;
            - accounts created on or after June 1, 2023 cannot create launch configurations in the console;
            - accounts created on or after October 1, 2024 cannot create launch configurations by any method:
              console, API, CLI or CloudFormation.

            So the configuration deploys in an older account and fails in a new one (a new environment, a new
            member account of an organisation). Whether it fails depends on the account, which preflight cannot
            see: hence a warning. A launch template supports every current instance type and EC2 feature.

            ## Bad

            ```hcl
            resource "aws_launch_configuration" "ecs" {
              name_prefix   = "ecs-"
              image_id      = data.aws_ssm_parameter.ecs_ami.value
              instance_type = "m6i.large"
            }

            resource "aws_autoscaling_group" "ecs" {
              launch_configuration = aws_launch_configuration.ecs.name
              min_size             = 1
              max_size             = 3
              vpc_zone_identifier  = var.private_subnet_ids
            }
            ```

            ```yaml
            LaunchConfiguration:
              Type: AWS::AutoScaling::LaunchConfiguration
              Properties:
                ImageId: !Ref EcsAmi
                InstanceType: m6i.large
            ```

            ## Good

            ```hcl
            resource "aws_launch_template" "ecs" {
              name_prefix   = "ecs-"
              image_id      = data.aws_ssm_parameter.ecs_ami.value
              instance_type = "m6i.large"
            }

            resource "aws_autoscaling_group" "ecs" {
              launch_template {
                id      = aws_launch_template.ecs.id
                version = aws_launch_template.ecs.latest_version
              }
              min_size            = 1
              max_size            = 3
              vpc_zone_identifier = var.private_subnet_ids
            }
            ```

            ```yaml
            LaunchTemplate:
              Type: AWS::EC2::LaunchTemplate
              Properties:
                LaunchTemplateData:
                  ImageId: !Ref EcsAmi
                  InstanceType: m6i.large
            ```

            ## Sources

            - Amazon EC2 Auto Scaling User Guide, "Auto Scaling launch configurations":
              https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html
            - "Migrate your Auto Scaling groups to launch templates":
              https://docs.aws.amazon.com/autoscaling/ec2/userguide/migrate-to-launch-templates.html

            """ + RuleDocs.suppression(ID);
}
