package dev.preflight.graph;

/**
 * What a resource is, whatever format it was written in: {@code aws_subnet} and {@code AWS::EC2::Subnet} are both
 * {@link #SUBNET}. The type-to-kind tables are in {@link ResourceTypes}.
 *
 * <pre>{@code
 * resources(Kind.ECS_SERVICE, Kind.ECS_TASK_DEFINITION)
 * }</pre>
 */
public enum Kind {
    VPC, VPC_CIDR_BLOCK, SUBNET, ROUTE_TABLE, ROUTE, ROUTE_TABLE_ASSOCIATION, MAIN_ROUTE_TABLE_ASSOCIATION,
    INTERNET_GATEWAY, VPC_GATEWAY_ATTACHMENT, EGRESS_ONLY_INTERNET_GATEWAY, NAT_GATEWAY, VPC_ENDPOINT,
    /** Terraform's separate attachment of a gateway endpoint to a route table (CloudFormation lists them inline). */
    VPC_ENDPOINT_ROUTE_TABLE_ASSOCIATION,
    SECURITY_GROUP, SECURITY_GROUP_RULE,
    LOAD_BALANCER, TARGET_GROUP, LISTENER,
    ECS_CLUSTER, ECS_SERVICE, ECS_TASK_DEFINITION, ECR_REPOSITORY, ECR_REGISTRY_SCANNING,
    IAM_ROLE, IAM_POLICY, IAM_ROLE_POLICY, IAM_ROLE_POLICY_ATTACHMENT,
    LOG_GROUP, APPRUNNER_SERVICE, EKS_CLUSTER, AUTOSCALING_TARGET,
    /** Terraform's separate lifecycle policy of an ECR repository (CloudFormation writes it inline). */
    ECR_LIFECYCLE_POLICY,
    /** A Lambda function, including SAM's {@code AWS::Serverless::Function}. */
    LAMBDA_FUNCTION,
    DB_INSTANCE, DB_CLUSTER,
    LAUNCH_CONFIGURATION, AUTOSCALING_GROUP, ECS_CAPACITY_PROVIDER,
    /** A resource type preflight has no rule for; it is still in the graph so references to it resolve. */
    OTHER
}
