package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.FargateSize;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * A Fargate task size that Fargate does not offer, or a container asking for more memory than its task has.
 * RegisterTaskDefinition refuses both, so the deploy stops at the task definition.
 */
@AutoService(Rule.class)
public final class FargateCpuMemoryInvalid extends DslRule {
    public static final String ID = "fargate-cpu-memory-invalid";

    public FargateCpuMemoryInvalid() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Fargate task cpu/memory pair that Fargate does not offer")
                .prevents("ClientException: No Fargate configuration exists for given values.")
                .check(resources(Kind.ECS_TASK_DEFINITION).that(Ecs.requiresFargate())
                        .should(haveAValidFargateSize())
                        .because("Fargate only runs the task sizes of its published table"))
                .fix("Pick a memory size valid for the cpu (256: 512/1024/2048 MiB; 512: 1-4 GB; 1024: 2-8 GB; "
                        + "2048: 4-16 GB; 4096: 8-30 GB; 8192: 16-60 GB in 4 GB steps; 16384: 32-120 GB in 8 GB "
                        + "steps), and keep each container's memory within the task's.")
                .doc(DOC);
    }

    static ResourceCondition haveAValidFargateSize() {
        return ResourceCondition.of("have a task cpu/memory pair Fargate offers, and containers within it",
                FargateCpuMemoryInvalid::check);
    }

    private static void check(Resource task, ResourceGraph graph, ConditionEvents events) {
        Optional<Value> cpuValue = task.property("cpu");
        Optional<Value> memoryValue = task.property("memory");
        if (Values.isSet(cpuValue) == Truth.FALSE) {
            events.violated(task, task.address() + " requires FARGATE but sets no task-level cpu "
                    + "(Fargate requires that 'cpu' be defined at the task level)", null, "cpu", "(absent)",
                    ServiceEvidence.launchTypes(task));
            return;
        }
        if (cpuValue.isEmpty() || memoryValue.isEmpty()) {
            events.unknown(task, "task memory not written");
            return;
        }
        Known<Long> cpu = FargateSize.cpuUnits(cpuValue.get(), graph);
        Known<Long> memory = FargateSize.memoryMiB(memoryValue.get(), graph);
        if (!cpu.isKnown() || !memory.isKnown()) {
            events.unknown(task, cpu.isKnown() ? memory.unknownReason() : cpu.unknownReason());
            return;
        }
        if (!FargateSize.valid(cpu.value(), memory.value())) {
            boolean badCpu = !FargateSize.validCpu(cpu.value());
            Value at = badCpu ? cpuValue.get() : memoryValue.get();
            events.violated(task, task.address() + " asks Fargate for cpu " + cpu.value() + " units with memory "
                            + memory.value() + " MiB; with that cpu Fargate allows "
                            + FargateSize.allowedMemory(cpu.value()),
                    at.span(), badCpu ? "cpu" : "memory", cpu.value() + "/" + memory.value(),
                    ServiceEvidence.launchTypes(task));
            return;
        }
        for (Container c : ContainerDefinitions.of(task).orElse(List.of())) {
            for (String entry : List.of("memory", "memoryReservation")) {
                Optional<Value> v = c.definition().get(entry);
                if (v.isEmpty() || v.get() instanceof Value.Null) {
                    continue;
                }
                Known<Long> asked = FargateSize.memoryMiB(v.get(), graph);
                if (asked.isKnown() && asked.value() > memory.value()) {
                    events.violated(task, "container " + c.name() + " of " + task.address() + " sets " + entry
                                    + " " + asked.value() + " MiB, more than the task's " + memory.value() + " MiB",
                            v.get().span(), c.path(entry), String.valueOf(asked.value()),
                            ServiceEvidence.launchTypes(task));
                }
            }
        }
    }

    private static final String DOC = """
            # fargate-cpu-memory-invalid

            A task definition that requires Fargate (`requires_compatibilities` / `RequiresCompatibilities`
            contains `FARGATE`, even together with `EC2`) whose task-level `cpu`/`memory` pair is not one Fargate
            offers, whose `cpu` is missing, or with a container whose `memory` or `memoryReservation` is larger
            than the task's memory.

            | cpu (units) | memory (MiB) |
            |---|---|
            | 256 (.25 vCPU) | 512, 1024, 2048 |
            | 512 (.5 vCPU) | 1024 to 4096, in 1024 steps |
            | 1024 (1 vCPU) | 2048 to 8192, in 1024 steps |
            | 2048 (2 vCPU) | 4096 to 16384, in 1024 steps |
            | 4096 (4 vCPU) | 8192 to 30720, in 1024 steps |
            | 8192 (8 vCPU) | 16384 to 61440, in 4096 steps |
            | 16384 (16 vCPU) | 32768 to 122880, in 8192 steps |

            Values are read in every form Fargate accepts: `"1024"`, `"1 vCPU"`, `".25 vcpu"`, `"2048"`,
            `"2 GB"`, `"2GB"`, also through variables, locals, tfvars and parameter defaults, and through the
            values a parent stack passes to a nested stack (`AWS::CloudFormation::Stack`, or a SAM
            `AWS::Serverless::Application` with a local `Location`), which replace the nested template's defaults.

            ## What AWS says

            ```
            ClientException: No Fargate configuration exists for given values.
            An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid 'cpu' setting for task.
            ClientException: Fargate requires that 'cpu' be defined at the task level.
            ```

            The text for a container whose memory exceeds the task's is UNCONFIRMED (not found in the AWS
            sources of aws-facts.md); RegisterTaskDefinition refuses it.

            ## Why it matters

            The task definition is not registered, so the whole apply or stack update fails, usually after the
            network and load balancer were already created. preflight stays silent when cpu or memory is not known
            before apply (a variable without a default, an SSM parameter).

            ## What it leaves alone, and why

            - Task definitions that do not require Fargate: on EC2 the task size is free-form or absent
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html, task CPU and memory).
            - Values not known before apply.

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "4096" # 256 units allow 512, 1024 or 2048 MiB
              container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: awsvpc
                Cpu: 1 vCPU
                Memory: 1 GB
                ContainerDefinitions:
                  - Name: app
                    Image: nginx:1.27
            ```

            ## Good

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "512"
              container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: awsvpc
                Cpu: 1 vCPU
                Memory: 2 GB
                ContainerDefinitions:
                  - Name: app
                    Image: nginx:1.27
            ```

            """ + RuleDocs.suppression(ID);
}
