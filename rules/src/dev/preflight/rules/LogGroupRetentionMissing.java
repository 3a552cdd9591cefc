package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Log groups that keep every event forever: a log group written without retention, and the group ECS creates for a
 * container's awslogs driver ({@code awslogs-create-group}), which never has one. Storage is billed per GB-month.
 */
@AutoService(Rule.class)
public final class LogGroupRetentionMissing extends DslRule {
    public static final String ID = "log-group-retention-missing";

    public LogGroupRetentionMissing() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("CloudWatch log group without retention: logs are kept and billed forever")
                .prevents("CloudWatch Logs storage charges that grow every month, for logs nobody reads")
                .check(resources(Kind.LOG_GROUP, Kind.ECS_TASK_DEFINITION)
                        .should(keepLogsForALimitedTime())
                        .because("a log group without retention never expires its events"))
                .fix(Format.TERRAFORM, "Set retention_in_days, e.g. 30, 90 or 365; for awslogs, create the log "
                        + "group (aws_cloudwatch_log_group) with a retention instead of using "
                        + "awslogs-create-group.")
                .fix(Format.CLOUDFORMATION, "Set RetentionInDays, e.g. 30, 90 or 365; for awslogs, create the log "
                        + "group (AWS::Logs::LogGroup) with a retention instead of using awslogs-create-group.")
                .doc(DOC);
    }

    static ResourceCondition keepLogsForALimitedTime() {
        return ResourceCondition.of("keep log events for a limited time", (r, graph, events) -> {
            if (r.kind() == Kind.LOG_GROUP) {
                checkLogGroup(r, graph, events);
            } else {
                checkCreatedGroups(r, graph, events);
            }
        });
    }

    private static void checkLogGroup(Resource group, ResourceGraph graph, ConditionEvents events) {
        if (group.isDataSource()) {
            return;
        }
        Optional<Value> retention = group.property("retention_in_days");
        if (Values.isSet(retention) == Truth.FALSE) {
            events.violated(group, group.address() + " has no retention: its log events are kept, and billed, "
                    + "forever", null, "retention_in_days", "(absent)");
            return;
        }
        Optional<String> days = Values.resolvedString(retention.get(), graph);
        if (days.filter("0"::equals).isPresent()) {
            events.violated(group, group.address() + " sets retention to 0, which means never expire: its log "
                    + "events are kept, and billed, forever", retention.get().span(), "retention_in_days", "0");
        }
    }

    /** Containers that let ECS create their awslogs group: ECS creates it without retention. */
    private static void checkCreatedGroups(Resource task, ResourceGraph graph, ConditionEvents events) {
        for (Container c : ContainerDefinitions.of(task).orElse(List.of())) {
            Optional<Value.MapValue> options = c.definition().get("logConfiguration")
                    .filter(v -> v instanceof Value.MapValue).flatMap(v -> ((Value.MapValue) v).get("options"))
                    .filter(v -> v instanceof Value.MapValue).map(v -> (Value.MapValue) v);
            if (options.isEmpty()) {
                continue;
            }
            Optional<Value> create = options.get().get("awslogs-create-group");
            if (create.flatMap(v -> Values.resolvedString(v, graph)).filter("true"::equalsIgnoreCase).isEmpty()) {
                continue;
            }
            Optional<Value> groupName = options.get().get("awslogs-group");
            if (groupName.isEmpty() || namesALogGroupOfTheScan(groupName.get(), task, graph) != Truth.FALSE) {
                continue;
            }
            events.violated(task, "container " + c.name() + " of " + task.address() + " lets ECS create log group "
                            + Values.show(groupName.get()) + " (awslogs-create-group), which gets no retention: its "
                            + "log events are kept, and billed, forever",
                    create.get().span(), c.path("logConfiguration.options.awslogs-create-group"),
                    Values.show(groupName.get()));
        }
    }

    /** Whether the awslogs group is a log group resource of the scan (which is then checked on its own). */
    private static Truth namesALogGroupOfTheScan(Value name, Resource task, ResourceGraph graph) {
        Value v = name instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : name;
        if (v instanceof Value.Ref ref) {
            return graph.targets(ref).isEmpty() ? Truth.UNKNOWN : Truth.TRUE;
        }
        Optional<String> text = Values.knownString(v);
        if (text.isEmpty()) {
            return Truth.UNKNOWN;
        }
        Truth any = Truth.FALSE;
        for (Resource group : graph.resources(Kind.LOG_GROUP)) {
            if (!group.id().scope().equals(task.id().scope())) {
                // a group of another deployment may share the name; it is checked on its own
                Optional<String> other = group.property("name").or(() -> group.property("log_group_name"))
                        .flatMap(n -> Values.resolvedString(n, graph));
                if (other.filter(text.get()::equals).isPresent()) {
                    return Truth.TRUE;
                }
                continue;
            }
            Optional<Value> groupName = group.property("name").or(() -> group.property("log_group_name"));
            if (groupName.isEmpty()) {
                // an unnamed group gets a generated name, which no one writes in awslogs-group; a name_prefix might
                Optional<String> prefix = group.property("name_prefix").flatMap(p -> Values.resolvedString(p, graph));
                if (group.property("name_prefix").isPresent()
                        && (prefix.isEmpty() || text.get().startsWith(prefix.get()))) {
                    any = any.or(Truth.UNKNOWN);
                }
                continue;
            }
            any = any.or(Values.resolvedString(groupName.get(), graph).map(n -> Truth.of(n.equals(text.get())))
                    .orElse(Truth.UNKNOWN));
        }
        return any;
    }

    private static final String DOC = """
            # log-group-retention-missing

            A CloudWatch Logs log group that never expires its events:

            - `aws_cloudwatch_log_group` without `retention_in_days`, or with `retention_in_days = 0` (Terraform's
              "never expire"); `AWS::Logs::LogGroup` without `RetentionInDays`;
            - a container whose `awslogs` options set `awslogs-create-group = "true"` for a group that is not a
              log group of the scan: ECS creates that group on first use, without retention.

            Log groups that container `awslogs-group` options name (by reference or by name) are checked as
            log group resources.

            ## What it costs

            CloudWatch Logs bills stored log data per GB-month. Without retention, every event ever written is
            kept, so the bill grows every month for logs nobody reads, and deleting old data later means a
            manual clean-up. Valid retention values are 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288 and 3653 days.

            ## What it leaves alone, and why

            Nothing but unknown values: a log group without a retention policy keeps its events forever
            (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).

            ## Bad

            ```hcl
            resource "aws_cloudwatch_log_group" "app" {
              name = "/ecs/app"
            }
            ```

            ```yaml
            LogGroup:
              Type: AWS::Logs::LogGroup
              Properties:
                LogGroupName: /ecs/app
            ```

            ## Good

            ```hcl
            resource "aws_cloudwatch_log_group" "app" {
              name              = "/ecs/app"
              retention_in_days = 30
            }
            ```

            ```yaml
            LogGroup:
              Type: AWS::Logs::LogGroup
              Properties:
                LogGroupName: /ecs/app
                RetentionInDays: 30
            ```

            """ + RuleDocs.suppression(ID);
}
