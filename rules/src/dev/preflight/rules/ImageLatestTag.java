package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import java.util.ArrayList;
import dev.preflight.dsl.aws.ServiceEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Locations;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.aws.ContainerDefinitions;
import dev.preflight.dsl.aws.ImageReference;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code latest} (or no tag) makes what runs depend on when a task happened to start. */
@AutoService(Rule.class)
public final class ImageLatestTag extends DslRule {
    public static final String ID = "image-latest-tag";
    private static final String APP_RUNNER_IMAGE = "source_configuration.image_repository.image_identifier";

    public ImageLatestTag() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Container image with tag latest or no tag")
                .prevents("Tasks of one service running different images; deploys that do not roll out and "
                        + "rollbacks that do not roll back")
                .check(resources(Kind.ECS_TASK_DEFINITION, Kind.APPRUNNER_SERVICE)
                        .should(useVersionedImages())
                        .because("a deployment should name exactly one image"))
                .fix("Reference the image by a version tag (app:1.4.2, a git sha) or a digest (app@sha256:...), "
                        + "passed in as a variable or parameter at deploy time.")
                .doc(DOC);
    }

    /** Every image names a tag other than {@code latest}, or a digest. */
    static ResourceCondition useVersionedImages() {
        return ResourceCondition.of("use images with a version tag or digest", (resource, graph, events) -> {
            if (resource.kind() == Kind.APPRUNNER_SERVICE) {
                resource.property(APP_RUNNER_IMAGE).ifPresent(image ->
                        judge(resource, "image_identifier", APP_RUNNER_IMAGE, image, graph, events));
                return;
            }
            Optional<List<ContainerDefinitions.Container>> containers = ContainerDefinitions.of(resource);
            if (containers.isEmpty()) {
                events.unknown(resource, "the containers of " + resource.address() + " are not known");
                return;
            }
            for (ContainerDefinitions.Container c : containers.get()) {
                c.image().ifPresent(image ->
                        judge(resource, "container " + c.name() + " image", c.path("image"), image, graph, events));
            }
        });
    }

    private static void judge(Resource resource, String what, String path, Value image, ResourceGraph graph,
                              ConditionEvents events) {
        ImageReference ref = ImageReference.of(image, graph);
        // an image from a local or variable points at the container definitions of this resource instead
        Span where = Locations.inResource(resource, image.span(),
                resource.property(path.startsWith(ContainerDefinitions.PROPERTY) ? ContainerDefinitions.PROPERTY
                        : APP_RUNNER_IMAGE).map(Value::span).orElse(null));
        Truth pinned = ref.pinned();
        if (pinned == Truth.UNKNOWN) {
            events.unknown(resource, "the tag of " + ref.shown() + " is not known");
        } else if (pinned.isTrue()) {
            events.satisfied(resource, resource.address() + " " + what + " " + ref.shown() + " is versioned",
                    where, path, ref.shown());
        } else {
            String why = ref.tag().isPresent() ? "uses tag latest" : "has no tag or digest, so it means latest";
            List<Evidence> evidence = new ArrayList<>(ServiceEvidence.imageRepositories(image, graph));
            evidence.addAll(Evidence.valueSources(image));
            events.violated(resource, resource.address() + ": " + what + " " + ref.shown() + " " + why,
                    where, path, ref.shown(), evidence);
        }
    }

    private static final String DOC = """
            # image-latest-tag

            A container image reference that uses the tag `latest`, or no tag and no digest (which means
            `latest`): in ECS container definitions (Terraform `container_definitions`, CloudFormation
            `ContainerDefinitions`) and App Runner services (`image_identifier` / `ImageIdentifier`). This is a
            warning: AWS accepts it.

            `app:1.4.2` and `app@sha256:...` are fine. A tag that is unknown before apply
            (`"${aws_ecr_repository.app.repository_url}:${var.image_tag}"`) is fine: it is presumably set per
            deploy. A registry port is not a tag: `registry.example.com:5000/app` has no tag and is flagged.
            A bare ECR repository URL (`aws_ecr_repository.app.repository_url`, `!GetAtt Repo.RepositoryUri`)
            has no tag and is flagged.

            Terraform container definitions are read however they are written: `jsonencode`, a heredoc (one
            whose other values are not known before apply still has its images checked), or a template rendered
            by `templatefile()`, where the finding points at the image's line in the template file.

            ## What can go wrong

            An ECS service resolves the tag to a digest when a deployment starts, and its tasks keep that digest
            until the next deployment (unless `versionConsistency` is `disabled`, when each task resolves the tag
            as it starts)
            (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerImage.html). So which code
            runs depends on when the last deployment happened, not on the task definition: a deployment forced for
            any other reason (a scaling change, a new task definition revision for an environment variable) picks
            up whatever `latest` is then, and a rollback to a previous task definition revision still pulls the
            newest `latest`. Standalone tasks (`RunTask`, scheduled tasks) resolve it every time they start.

            ## What it leaves alone, and why

            - Tags that are not known before apply (`${var.image_tag}`): they are presumably set per deploy.
            - Digests (`@sha256:...`) and explicit tags other than `latest`.

            ## Bad

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family = "app"
              container_definitions = jsonencode([{
                name  = "app"
                image = "${aws_ecr_repository.app.repository_url}:latest"
              }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                ContainerDefinitions:
                  - Name: app
                    Image: nginx
            ```

            ## Good

            ```hcl
            resource "aws_ecs_task_definition" "app" {
              family = "app"
              container_definitions = jsonencode([{
                name  = "app"
                image = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"
              }])
            }
            ```

            ```yaml
            TaskDefinition:
              Type: AWS::ECS::TaskDefinition
              Properties:
                ContainerDefinitions:
                  - Name: app
                    Image: nginx:1.27.3
            ```

            """ + RuleDocs.suppression(ID);
}
