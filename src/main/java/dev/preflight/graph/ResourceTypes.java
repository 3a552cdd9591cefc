package dev.preflight.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * The one table that says what each Terraform and CloudFormation type is (its {@link Kind}) and which of its
 * property names are true renames of the canonical name. Extend it here: one line per type.
 * <p>
 * Canonical property names follow CloudFormation where the two formats differ in more than spelling (so
 * {@code subnet_mapping} blocks and {@code SubnetMappings} are both {@code subnet_mappings}); spelling alone
 * (case, underscores) never needs an alias, see {@link PropertyNames}.
 */
public final class ResourceTypes {

    /** What preflight knows of one type: its kind and its renamed properties (written name to canonical name). */
    public record TypeInfo(Kind kind, Map<String, String> aliases) {
        public String canonicalName(String written) {
            return aliases.getOrDefault(written, written);
        }
    }

    private static final TypeInfo UNKNOWN_TYPE = new TypeInfo(Kind.OTHER, Map.of());
    private static final Map<String, TypeInfo> TYPES = new HashMap<>();

    static {
        both(Kind.VPC, "aws_vpc", "AWS::EC2::VPC");
        both(Kind.VPC_CIDR_BLOCK, "aws_vpc_ipv4_cidr_block_association", "AWS::EC2::VPCCidrBlock");
        both(Kind.SUBNET, "aws_subnet", "AWS::EC2::Subnet");
        both(Kind.ROUTE_TABLE, "aws_route_table", "AWS::EC2::RouteTable",
                "route", "routes");
        tf(Kind.ROUTE_TABLE, "aws_default_route_table", "route", "routes");
        both(Kind.ROUTE, "aws_route", "AWS::EC2::Route",
                // inline route blocks of aws_route_table use the short names
                "cidr_block", "destination_cidr_block", "ipv6_cidr_block", "destination_ipv6_cidr_block",
                "egress_only_gateway_id", "egress_only_internet_gateway_id");
        both(Kind.ROUTE_TABLE_ASSOCIATION, "aws_route_table_association", "AWS::EC2::SubnetRouteTableAssociation");
        tf(Kind.MAIN_ROUTE_TABLE_ASSOCIATION, "aws_main_route_table_association");
        both(Kind.INTERNET_GATEWAY, "aws_internet_gateway", "AWS::EC2::InternetGateway");
        both(Kind.VPC_GATEWAY_ATTACHMENT, "aws_internet_gateway_attachment", "AWS::EC2::VPCGatewayAttachment");
        both(Kind.EGRESS_ONLY_INTERNET_GATEWAY, "aws_egress_only_internet_gateway",
                "AWS::EC2::EgressOnlyInternetGateway");
        both(Kind.NAT_GATEWAY, "aws_nat_gateway", "AWS::EC2::NatGateway");
        both(Kind.VPC_ENDPOINT, "aws_vpc_endpoint", "AWS::EC2::VPCEndpoint",
                "subnet_ids", "subnet_ids", "route_table_ids", "route_table_ids");
        tf(Kind.VPC_ENDPOINT_ROUTE_TABLE_ASSOCIATION, "aws_vpc_endpoint_route_table_association");
        both(Kind.SECURITY_GROUP, "aws_security_group", "AWS::EC2::SecurityGroup",
                "ingress", "security_group_ingress", "egress", "security_group_egress");
        tf(Kind.SECURITY_GROUP, "aws_default_security_group",
                "ingress", "security_group_ingress", "egress", "security_group_egress");
        tf(Kind.SECURITY_GROUP_RULE, "aws_security_group_rule");
        tf(Kind.SECURITY_GROUP_RULE, "aws_vpc_security_group_ingress_rule");
        tf(Kind.SECURITY_GROUP_RULE, "aws_vpc_security_group_egress_rule");
        cfn(Kind.SECURITY_GROUP_RULE, "AWS::EC2::SecurityGroupIngress");
        cfn(Kind.SECURITY_GROUP_RULE, "AWS::EC2::SecurityGroupEgress");
        both(Kind.LOAD_BALANCER, "aws_lb", "AWS::ElasticLoadBalancingV2::LoadBalancer",
                "subnet_mapping", "subnet_mappings", "load_balancer_type", "type");
        tf(Kind.LOAD_BALANCER, "aws_alb", "subnet_mapping", "subnet_mappings", "load_balancer_type", "type");
        both(Kind.TARGET_GROUP, "aws_lb_target_group", "AWS::ElasticLoadBalancingV2::TargetGroup");
        tf(Kind.TARGET_GROUP, "aws_alb_target_group");
        both(Kind.LISTENER, "aws_lb_listener", "AWS::ElasticLoadBalancingV2::Listener");
        tf(Kind.LISTENER, "aws_alb_listener");
        both(Kind.ECS_CLUSTER, "aws_ecs_cluster", "AWS::ECS::Cluster");
        both(Kind.ECS_SERVICE, "aws_ecs_service", "AWS::ECS::Service",
                "load_balancer", "load_balancers", "task_definition", "task_definition",
                "capacity_provider_strategy", "capacity_provider_strategy",
                "deployment_circuit_breaker", "deployment_circuit_breaker");
        both(Kind.ECS_TASK_DEFINITION, "aws_ecs_task_definition", "AWS::ECS::TaskDefinition");
        both(Kind.ECR_REPOSITORY, "aws_ecr_repository", "AWS::ECR::Repository");
        both(Kind.ECR_REGISTRY_SCANNING, "aws_ecr_registry_scanning_configuration",
                "AWS::ECR::RegistryScanningConfiguration", "rule", "rules");
        both(Kind.IAM_ROLE, "aws_iam_role", "AWS::IAM::Role",
                "assume_role_policy", "assume_role_policy_document", "inline_policy", "policies",
                "managed_policy_arns", "managed_policy_arns");
        both(Kind.IAM_POLICY, "aws_iam_policy", "AWS::IAM::ManagedPolicy", "policy", "policy_document");
        cfn(Kind.IAM_POLICY, "AWS::IAM::Policy");
        tf(Kind.IAM_ROLE_POLICY, "aws_iam_role_policy", "policy", "policy_document");
        cfn(Kind.IAM_ROLE_POLICY, "AWS::IAM::RolePolicy");
        tf(Kind.IAM_ROLE_POLICY_ATTACHMENT, "aws_iam_role_policy_attachment");
        tf(Kind.IAM_ROLE_POLICY_ATTACHMENT, "aws_iam_policy_attachment");
        both(Kind.LOG_GROUP, "aws_cloudwatch_log_group", "AWS::Logs::LogGroup");
        both(Kind.APPRUNNER_SERVICE, "aws_apprunner_service", "AWS::AppRunner::Service");
        both(Kind.EKS_CLUSTER, "aws_eks_cluster", "AWS::EKS::Cluster");
        both(Kind.AUTOSCALING_TARGET, "aws_appautoscaling_target", "AWS::ApplicationAutoScaling::ScalableTarget");
        tf(Kind.ECR_LIFECYCLE_POLICY, "aws_ecr_lifecycle_policy");
        both(Kind.LAMBDA_FUNCTION, "aws_lambda_function", "AWS::Lambda::Function");
        cfn(Kind.LAMBDA_FUNCTION, "AWS::Serverless::Function");
        both(Kind.DB_INSTANCE, "aws_db_instance", "AWS::RDS::DBInstance");
        both(Kind.DB_CLUSTER, "aws_rds_cluster", "AWS::RDS::DBCluster");
        both(Kind.LAUNCH_CONFIGURATION, "aws_launch_configuration", "AWS::AutoScaling::LaunchConfiguration");
        both(Kind.AUTOSCALING_GROUP, "aws_autoscaling_group", "AWS::AutoScaling::AutoScalingGroup",
                "launch_configuration", "launch_configuration_name");
        both(Kind.ECS_CAPACITY_PROVIDER, "aws_ecs_capacity_provider", "AWS::ECS::CapacityProvider");
    }

    private ResourceTypes() {
    }

    private static void both(Kind kind, String terraformType, String cloudFormationType, String... aliasPairs) {
        tf(kind, terraformType, aliasPairs);
        cfn(kind, cloudFormationType);
    }

    private static void tf(Kind kind, String type, String... aliasPairs) {
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i + 1 < aliasPairs.length; i += 2) {
            aliases.put(aliasPairs[i], aliasPairs[i + 1]);
        }
        TYPES.put(type, new TypeInfo(kind, Map.copyOf(aliases)));
    }

    private static void cfn(Kind kind, String type) {
        TYPES.put(type, new TypeInfo(kind, Map.of()));
    }

    /** What preflight knows of {@code type}; {@link Kind#OTHER} with no aliases for a type it does not know. */
    public static TypeInfo of(String type) {
        return TYPES.getOrDefault(type, UNKNOWN_TYPE);
    }

    public static Kind kindOf(String type) {
        return of(type).kind();
    }
}
