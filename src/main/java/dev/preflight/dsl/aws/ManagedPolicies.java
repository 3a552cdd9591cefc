package dev.preflight.dsl.aws;

import dev.preflight.dsl.aws.PolicyDocument.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few AWS managed policies whose content preflight knows (aws-facts.md §3). Any other AWS managed policy is
 * unknown, so a role that has one is not judged: its content may grant what the rule looks for.
 */
final class ManagedPolicies {
    private static final Statement ECS_TASK_EXECUTION = new Statement(true, List.of(
            "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"), List.of(), List.of());
    private static final Statement EVERYTHING = new Statement(true, List.of("*"), List.of(), List.of());

    /** By the part of the ARN after the partition; the ECS docs print the first one without {@code service-role/}. */
    private static final Map<String, PolicyDocument> BY_SUFFIX = Map.of(
            ":iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", new PolicyDocument(List.of(ECS_TASK_EXECUTION)),
            ":iam::aws:policy/AmazonECSTaskExecutionRolePolicy", new PolicyDocument(List.of(ECS_TASK_EXECUTION)),
            ":iam::aws:policy/AdministratorAccess", new PolicyDocument(List.of(EVERYTHING)));

    private ManagedPolicies() {
    }

    /** The document of a managed policy whose ARN ends with {@code arnTail}, when it is one preflight knows. */
    static Optional<PolicyDocument> byArnSuffix(String arnTail) {
        for (Map.Entry<String, PolicyDocument> e : BY_SUFFIX.entrySet()) {
            if (arnTail.endsWith(e.getKey()) && arnTail.startsWith("arn:") || arnTail.equals(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
