package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import java.util.List;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.RolePermissions;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * An App Runner service that pulls from private ECR without an access role, or with one App Runner's build service
 * cannot assume: the service never deploys its image.
 */
@AutoService(Rule.class)
public final class AppRunnerEcrAccessRoleMissing extends DslRule {
    public static final String ID = "apprunner-ecr-access-role-missing";
    static final String BUILD = "build.apprunner.amazonaws.com";
    private static final String ROLE = "source_configuration.authentication_configuration.access_role_arn";

    public AppRunnerEcrAccessRoleMissing() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("App Runner service from private ECR without an access role App Runner can assume")
                .prevents("InvalidRequestException: Error in assuming access role arn:aws:iam::ACCOUNT:role/NAME")
                .check(resources(Kind.APPRUNNER_SERVICE).that(pullFromPrivateEcr())
                        .should(haveAnAccessRoleTrustingAppRunner())
                        .because("App Runner pulls private ECR images with the access role"))
                .fix(Format.TERRAFORM, "Set authentication_configuration { access_role_arn } to a role that trusts "
                        + BUILD + " and has AWSAppRunnerServicePolicyForECRAccess.")
                .fix(Format.CLOUDFORMATION, "Set SourceConfiguration.AuthenticationConfiguration.AccessRoleArn to a "
                        + "role that trusts " + BUILD + " and has AWSAppRunnerServicePolicyForECRAccess.")
                .doc(DOC);
    }

    static ResourcePredicate pullFromPrivateEcr() {
        return ResourcePredicate.of("pull from a private ECR repository", (service, graph) -> {
            Optional<Value> type = service.property("source_configuration.image_repository.image_repository_type");
            if (type.isEmpty()) {
                return Truth.FALSE;
            }
            return Values.resolvedString(type.get(), graph).map(t -> Truth.of(t.equals("ECR"))).orElse(Truth.UNKNOWN);
        });
    }

    static ResourceCondition haveAnAccessRoleTrustingAppRunner() {
        return ResourceCondition.of("have an access role that trusts " + BUILD, (service, graph, events) -> {
            Optional<Value> role = service.property(ROLE);
            if (Values.isSet(role) == Truth.FALSE) {
                events.violated(service, service.address() + " pulls from private ECR but has no access role in "
                                + "its authentication configuration",
                        service.spanOf("source_configuration.image_repository.image_repository_type"), ROLE,
                        "(absent)");
                return;
            }
            Known<Resource> r = RolePermissions.roleAt(service, ROLE, graph);
            if (r.isKnown() && RolePermissions.trusts(r.value(), BUILD, graph) == Truth.FALSE) {
                events.violated(service, "access role " + r.value().address() + " of " + service.address()
                        + " does not trust " + BUILD + ", so App Runner cannot assume it", role.get().span(), ROLE,
                        r.value().address() + " trust", List.of(Evidence.property(r.value(),
                                "assume_role_policy_document", r.value().address() + " does not trust " + BUILD)));
            }
        });
    }

    private static final String DOC = """
            # apprunner-ecr-access-role-missing

            An App Runner service whose image repository type is `ECR` (private ECR;
            `source_configuration.image_repository.image_repository_type` / `ImageRepositoryType`) with no
            `authentication_configuration.access_role_arn` (`AuthenticationConfiguration.AccessRoleArn`), or whose
            access role (a role of this scan) does not trust `build.apprunner.amazonaws.com`.

            ECR Public (`ECR_PUBLIC`) needs no access role. The trust policy may be written as JSON, with
            `jsonencode`, or with `data "aws_iam_policy_document"` (read as the document the AWS provider renders,
            `source_policy_documents` and `override_policy_documents` included); preflight is silent when it is
            not known before apply.

            ## What AWS says

            With an access role App Runner cannot assume:

            ```
            InvalidRequestException: Error in assuming access role arn:aws:iam::ACCOUNT:role/NAME
            ```

            With no access role, the API says the role "is required for ECR image repositories"; the exact error
            text is UNCONFIRMED. The deployment then fails with
            `[AppRunner] Failed to pull your application image. Be sure you configure your service with a valid
            access role to your ECR repository.`

            ## Why it matters

            The service is created but never runs the image. Note that the *instance* role trusts a different
            principal (`tasks.apprunner.amazonaws.com`); mixing the two up is the usual cause.

            ## What it leaves alone, and why

            - Services whose image repository type is `ECR_PUBLIC`: App Runner needs the access role for private
              ECR repositories only
              (https://docs.aws.amazon.com/apprunner/latest/api/API_AuthenticationConfiguration.html).
            - Services built from a source code repository, and access roles that are not in the scan (their trust policy is
              not known).

            ## Bad

            ```hcl
            resource "aws_apprunner_service" "api" {
              service_name = "api"
              source_configuration {
                image_repository {
                  image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
                  image_repository_type = "ECR"
                }
              }
            }
            ```

            ```yaml
            Service:
              Type: AWS::AppRunner::Service
              Properties:
                SourceConfiguration:
                  ImageRepository:
                    ImageIdentifier: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0
                    ImageRepositoryType: ECR
            ```

            ## Good

            ```hcl
            resource "aws_iam_role" "apprunner_access" {
              name = "apprunner-ecr-access"
              assume_role_policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
                               Principal = { Service = "build.apprunner.amazonaws.com" } }]
              })
            }

            resource "aws_apprunner_service" "api" {
              service_name = "api"
              source_configuration {
                authentication_configuration {
                  access_role_arn = aws_iam_role.apprunner_access.arn
                }
                image_repository {
                  image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
                  image_repository_type = "ECR"
                }
              }
            }
            ```

            ```yaml
            SourceConfiguration:
              AuthenticationConfiguration:
                AccessRoleArn: !GetAtt AccessRole.Arn
              ImageRepository:
                ImageIdentifier: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0
                ImageRepositoryType: ECR
            ```

            """ + RuleDocs.suppression(ID);
}
