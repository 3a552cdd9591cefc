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
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * An ECR repository with no lifecycle policy, inline or separate: every image ever pushed, untagged ones included,
 * is stored and billed per GB-month for as long as the repository exists.
 */
@AutoService(Rule.class)
public final class EcrLifecyclePolicyMissing extends DslRule {
    public static final String ID = "ecr-lifecycle-policy-missing";

    public EcrLifecyclePolicyMissing() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.NOTE)
                .title("ECR repository without a lifecycle policy: old and untagged images are billed forever")
                .prevents("ECR storage charges ($0.10 per GB-month) that grow with every push, for images nobody runs")
                .check(resources(Kind.ECR_REPOSITORY)
                        .should(expireOldImages())
                        .because("ECR keeps every image until a lifecycle policy or a person deletes it"))
                .fix("Add a lifecycle policy (aws_ecr_lifecycle_policy, or the repository's LifecyclePolicy) that "
                        + "expires untagged images after a few days and keeps only the last N tagged ones.")
                .doc(DOC);
    }

    static ResourceCondition expireOldImages() {
        return ResourceCondition.of("have a lifecycle policy", (repo, graph, events) -> {
            if (repo.isDataSource() || Values.isSet(repo.property("lifecycle_policy")) != Truth.FALSE
                    || hasSeparatePolicy(repo, graph) != Truth.FALSE) {
                return;
            }
            events.violated(repo, repo.address() + " has no lifecycle policy: every image pushed to it, untagged "
                    + "ones included, is stored and billed for as long as the repository exists", null,
                    "lifecycle_policy", "(absent)");
        });
    }

    /** Whether an {@code aws_ecr_lifecycle_policy} of the same configuration is attached to {@code repo}. */
    private static Truth hasSeparatePolicy(Resource repo, ResourceGraph graph) {
        Optional<String> name = repo.property("name").flatMap(v -> Values.resolvedString(v, graph));
        Truth any = Truth.FALSE;
        for (Resource policy : graph.resources(Kind.ECR_LIFECYCLE_POLICY, repo.id().scope())) {
            Optional<Value> target = policy.property("repository");
            if (target.isEmpty()) {
                continue;
            }
            Truth refers = Values.refersTo(target.get(), repo, graph);
            if (refers == Truth.FALSE && target.get() instanceof Value.Str written) {
                // the repository's name written out
                refers = name.map(n -> Truth.of(n.equals(written.value()))).orElse(Truth.UNKNOWN);
            }
            any = any.or(refers);
        }
        return any;
    }

    private static final String DOC = """
            # ecr-lifecycle-policy-missing

            An ECR repository (`aws_ecr_repository`, `AWS::ECR::Repository`) with no lifecycle policy: neither an
            `aws_ecr_lifecycle_policy` of the same configuration attached to it (by reference or by repository
            name) nor, in CloudFormation, the repository's `LifecyclePolicy`. A lifecycle policy whose repository is
            not known before apply counts as possibly attached.

            ## What it costs

            ECR stores every image pushed until someone deletes it, and bills storage per GB-month ($0.10 per
            GB-month for private repositories). A repository that a pipeline pushes to on every commit grows by an
            image each time, and each untagged image left behind when a tag moves is still stored. A lifecycle
            policy expires them automatically. A registry-wide clean-up managed elsewhere is a fine reason to
            suppress the finding.

            ## Bad

            ```hcl
            resource "aws_ecr_repository" "app" {
              name                 = "app"
              image_tag_mutability = "IMMUTABLE"
              image_scanning_configuration {
                scan_on_push = true
              }
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                ImageTagMutability: IMMUTABLE
            ```

            ## Good

            ```hcl
            resource "aws_ecr_lifecycle_policy" "app" {
              repository = aws_ecr_repository.app.name
              policy = jsonencode({
                rules = [{
                  rulePriority = 1
                  description  = "expire untagged images after 7 days"
                  selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 7 }
                  action       = { type = "expire" }
                }]
              })
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                LifecyclePolicy:
                  LifecyclePolicyText: '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}}]}'
            ```

            ## Sources

            - Amazon ECR User Guide, "Automate the cleanup of images by using lifecycle policies in Amazon ECR":
              https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
            - Amazon ECR pricing (storage per GB-month): https://aws.amazon.com/ecr/pricing/

            """ + RuleDocs.suppression(ID);
}
