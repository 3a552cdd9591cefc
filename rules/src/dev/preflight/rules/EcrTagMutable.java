package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.PropertyPaths;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.Optional;

/** Mutable tags let a push silently change what a running service will pull next. */
@AutoService(Rule.class)
public final class EcrTagMutable extends DslRule {
    public static final String ID = "ecr-tag-mutable";
    private static final String MUTABILITY = "image_tag_mutability";

    public EcrTagMutable() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("ECR repository with mutable image tags")
                .prevents("A tag overwritten by a later push: tasks started after it run other code than the "
                        + "deployed revision, and rollbacks to the tag do not roll back")
                .check(resources(Kind.ECR_REPOSITORY)
                        .should(haveImmutableTags())
                        .because("a deployed tag must always name the same image"))
                .fix(Format.TERRAFORM, "Set image_tag_mutability = \"IMMUTABLE\" (or \"IMMUTABLE_WITH_EXCLUSION\" "
                        + "for a few moving tags) and deploy by version tag or digest.")
                .fix(Format.CLOUDFORMATION, "Set ImageTagMutability: IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for a "
                        + "few moving tags) and deploy by version tag or digest.")
                .doc(DOC);
    }

    /** Tag mutability is written and is not plain MUTABLE (the default). */
    static ResourceCondition haveImmutableTags() {
        return ResourceCondition.of("have immutable tags", (repo, graph, events) -> {
            Optional<Value> mutability = repo.property(MUTABILITY);
            Truth set = Values.isSet(mutability);
            if (set == Truth.UNKNOWN) {
                events.unknown(repo, "the tag mutability of " + repo.address() + " is not known");
                return;
            }
            if (set.isFalse()) {
                events.violated(repo, repo.address() + " does not set "
                        + PropertyPaths.shown(repo, MUTABILITY) + ", so tags are MUTABLE "
                        + "(the default)", mutability.map(Value::span).orElse(null), MUTABILITY, "MUTABLE");
                return;
            }
            Optional<String> value = Values.knownString(mutability.get());
            if (value.isEmpty()) {
                events.unknown(repo, "the tag mutability of " + repo.address() + " is not known");
            } else if (value.get().equals("MUTABLE")) {
                events.violated(repo, repo.address() + " has " + PropertyPaths.shown(repo, MUTABILITY) + " MUTABLE",
                        mutability.get().span(), MUTABILITY, "MUTABLE");
            } else {
                events.satisfied(repo, repo.address() + " has image_tag_mutability " + value.get(),
                        mutability.get().span(), MUTABILITY, value.get());
            }
        });
    }

    private static final String DOC = """
            # ecr-tag-mutable

            An ECR repository whose `image_tag_mutability` / `ImageTagMutability` is `MUTABLE`, or is omitted
            (`MUTABLE` is the default in both formats). This is a warning: AWS accepts it.

            `IMMUTABLE_WITH_EXCLUSION` and `MUTABLE_WITH_EXCLUSION` are not flagged: both come with explicit
            exclusion filters, i.e. someone decided which tags may move and which may not, which is the
            considered choice this rule asks for.

            ## What can go wrong

            A later push of the same tag (`1.4.2`, `prod`, `latest`) replaces the image behind it. An ECS service
            resolves the tag to a digest at each deployment
            (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerImage.html), so the next
            deployment, for whatever reason, runs the new image while the task definition still names the old tag,
            and "rolling back" to the tag does not restore the old code. Standalone and scheduled tasks, and
            containers with `versionConsistency` disabled, resolve the tag each time a task starts.

            ## What it leaves alone, and why

            - `IMMUTABLE_WITH_EXCLUSION` and `MUTABLE_WITH_EXCLUSION`: both come with `image_tag_mutability_exclusion_filter`s
              that say which tags may move, a deliberate choice
              (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html, `imageTagMutability`).

            ## Bad

            ```hcl
            resource "aws_ecr_repository" "app" {
              name = "app"
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                ImageTagMutability: MUTABLE
            ```

            ## Good

            ```hcl
            resource "aws_ecr_repository" "app" {
              name                 = "app"
              image_tag_mutability = "IMMUTABLE"
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                ImageTagMutability: IMMUTABLE
            ```

            """ + RuleDocs.suppression(ID);
}
