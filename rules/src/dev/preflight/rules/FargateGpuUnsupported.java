package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Locations;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ContainerDefinitions.Container;
import dev.preflight.dsl.aws.Ecs;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A GPU requested by a container of a task definition that must also run on Fargate, which has no GPUs. */
@AutoService(Rule.class)
public final class FargateGpuUnsupported extends DslRule {
    public static final String ID = "fargate-gpu-unsupported";

    public FargateGpuUnsupported() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("GPU resource requirement in a task definition that requires Fargate")
                .prevents("ClientException (RegisterTaskDefinition): GPU resource requirements are not supported "
                        + "on Fargate (exact text UNCONFIRMED)")
                .check(resources(Kind.ECS_TASK_DEFINITION).that(Ecs.requiresFargate())
                        .should(requestNoGpu())
                        .because("gpu is a task definition parameter that is not valid for Fargate tasks"))
                .fix(Format.TERRAFORM, "Run GPU containers on the EC2 launch type (GPU instances in a capacity "
                        + "provider) and remove FARGATE from requires_compatibilities, or drop the GPU "
                        + "requirement.")
                .fix(Format.CLOUDFORMATION, "Run GPU containers on the EC2 launch type (GPU instances in a capacity "
                        + "provider) and remove FARGATE from RequiresCompatibilities, or drop the GPU "
                        + "requirement.")
                .doc(DOC);
    }

    static ResourceCondition requestNoGpu() {
        return ResourceCondition.of("request no GPU in container resource requirements", (task, graph, events) -> {
            for (Container c : ContainerDefinitions.of(task).orElse(List.of())) {
                Optional<Value> requirements = c.definition().get("resourceRequirements");
                if (requirements.isEmpty() || !(requirements.get() instanceof Value.ListValue list)) {
                    continue;
                }
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof Value.MapValue req
                            && req.get("type").flatMap(Values::knownString).filter("GPU"::equalsIgnoreCase).isPresent()) {
                        Value type = req.get("type").orElseThrow();
                        events.violated(task, "container " + c.name() + " of " + task.address()
                                        + " requests a GPU, but the task definition requires FARGATE, which has no GPUs",
                                type.span(), c.path("resourceRequirements[" + i + "]"), "GPU",
                                evidence(task, c, list, type));
                    }
                }
            }
        });
    }

    /**
     * Where FARGATE came from, and, when the GPU request is written outside the task definition (a local, a
     * variable), where the container takes it in: the finding points at the request itself.
     */
    private static List<Evidence> evidence(Resource task, Container c, Value.ListValue requirements, Value type) {
        List<Evidence> out = new ArrayList<>(ServiceEvidence.launchTypes(task));
        if (type.span() != null && requirements.span() != null && !Locations.within(type.span(), task.span())) {
            out.add(Evidence.valueSource(requirements.span(), "container " + c.name() + " of " + task.address()
                    + " takes its resourceRequirements from there"));
        }
        return out;
    }

    private static final String DOC = """
            # fargate-gpu-unsupported

            A task definition that requires Fargate (`requires_compatibilities` / `RequiresCompatibilities`
            contains `FARGATE`) with a container that requests a GPU: `resourceRequirements` with
            `type = "GPU"` in the `container_definitions` JSON, or `ResourceRequirements` with `Type: GPU` in
            CloudFormation.

            ## What AWS says

            The ECS developer guide lists `gpu` among the task definition parameters that are not valid in Fargate
            tasks; RegisterTaskDefinition refuses the definition. The exact API message is UNCONFIRMED.

            ## Why it matters

            Fargate has no GPU capacity, so the task definition cannot be registered and the deploy fails. A GPU
            workload needs the EC2 launch type with GPU instances.

            ## What it leaves alone, and why

            - Task definitions that do not require Fargate: GPUs are available on EC2 container instances
              (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html, parameters not valid
              on Fargate).

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "train" {
              family                   = "train"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "4096"
              memory                   = "16384"
              container_definitions = jsonencode([{
                name                 = "train"
                image                = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
                resourceRequirements = [{ type = "GPU", value = "1" }]
              }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [FARGATE]
                NetworkMode: awsvpc
                Cpu: "4096"
                Memory: "16384"
                ContainerDefinitions:
                  - Name: train
                    Image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime
                    ResourceRequirements:
                      - Type: GPU
                        Value: "1"
            ```

            ## Good

            ```hcl
            resource "aws_ecs_task_definition" "train" {
              family                   = "train"
              requires_compatibilities = ["EC2"]
              network_mode             = "awsvpc"
              container_definitions = jsonencode([{
                name                 = "train"
                image                = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
                memory               = 16384
                resourceRequirements = [{ type = "GPU", value = "1" }]
              }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                RequiresCompatibilities: [EC2]
                ContainerDefinitions:
                  - Name: train
                    Image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime
                    Memory: 16384
                    ResourceRequirements:
                      - Type: GPU
                        Value: "1"
            ```

            """ + RuleDocs.suppression(ID);
}
