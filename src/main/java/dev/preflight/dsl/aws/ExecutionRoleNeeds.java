package dev.preflight.dsl.aws;

import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the execution role of a task definition must be allowed to do, from what its containers use
 * (aws-facts.md §3): pulling from ECR, the awslogs driver, secrets from Secrets Manager or Parameter Store, and
 * environment files from S3. Needs that depend on unknown values are left out, so the answer is a lower bound.
 *
 * <pre>{@code
 * Map<String, String> needs = ExecutionRoleNeeds.of(task, graph);   // action to why the task needs it
 * }</pre>
 */
public final class ExecutionRoleNeeds {
    public static final List<String> ECR_PULL = List.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer");
    public static final List<String> AWSLOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    public static final List<String> SECRETS_MANAGER = List.of("secretsmanager:GetSecretValue");
    public static final List<String> PARAMETER_STORE = List.of("ssm:GetParameters");
    public static final List<String> ENVIRONMENT_FILES = List.of("s3:GetObject");

    private static final Set<String> SECRET_TYPES = Set.of("aws_secretsmanager_secret",
            "aws_secretsmanager_secret_version", "AWS::SecretsManager::Secret");
    private static final Set<String> PARAMETER_TYPES = Set.of("aws_ssm_parameter", "AWS::SSM::Parameter");

    private ExecutionRoleNeeds() {
    }

    /**
     * The actions the task definition's containers need, each with why ("container app pulls from ECR"). On EC2
     * container instances the instance role pulls ECR images and writes awslogs; AWS documents the execution role
     * for those on Fargate, ECS Managed Instances and external instances, so a definition that can only run on EC2
     * needs them from the execution role for secrets and environment files only.
     */
    public static Map<String, String> of(Resource task, ResourceGraph graph) {
        Map<String, String> needs = new LinkedHashMap<>();
        boolean onEc2Only = Ecs.runsOnlyOnEc2(task).isTrue();
        for (ContainerDefinitions.Container c : ContainerDefinitions.of(task).orElse(List.of())) {
            Value.MapValue d = c.definition();
            if (!onEc2Only && c.image().map(i -> ImageReference.of(i, graph).fromEcr()).orElse(Truth.FALSE).isTrue()) {
                add(needs, ECR_PULL, "container " + c.name() + " pulls its image from ECR");
            }
            Optional<String> driver = d.get("logConfiguration").filter(v -> v instanceof Value.MapValue)
                    .flatMap(v -> ((Value.MapValue) v).get("logDriver")).flatMap(v -> Values.resolvedString(v, graph));
            if (!onEc2Only && driver.filter("awslogs"::equals).isPresent()) {
                add(needs, AWSLOGS, "container " + c.name() + " logs with the awslogs driver");
            }
            for (Value secret : listAt(d, "secrets")) {
                if (!(secret instanceof Value.MapValue s)) {
                    continue;
                }
                Optional<Value> from = s.get("valueFrom");
                Set<String> stores = from.map(v -> storesOf(v, graph)).orElse(Set.of());
                if (stores.size() == 1 && stores.contains("secretsmanager")) {
                    add(needs, SECRETS_MANAGER, "container " + c.name() + " reads a secret from Secrets Manager");
                } else if (stores.size() == 1 && stores.contains("ssm")) {
                    add(needs, PARAMETER_STORE, "container " + c.name() + " reads a secret from Parameter Store");
                }
            }
            if (!listAt(d, "environmentFiles").isEmpty()) {
                add(needs, ENVIRONMENT_FILES, "container " + c.name() + " loads environment files from S3");
            }
        }
        return needs;
    }

    private static void add(Map<String, String> needs, List<String> actions, String why) {
        for (String a : actions) {
            needs.putIfAbsent(a, why);
        }
    }

    private static List<Value> listAt(Value.MapValue map, String name) {
        Optional<Value> v = map.get(name);
        return v.isPresent() && v.get() instanceof Value.ListValue l ? l.items() : List.of();
    }

    /**
     * Where a secret's {@code valueFrom} lives: {@code secretsmanager}, {@code ssm}, or empty when not known. A
     * bare name is a Parameter Store parameter (Secrets Manager needs the full ARN).
     */
    static Set<String> storesOf(Value valueFrom, ResourceGraph graph) {
        Set<String> out = new LinkedHashSet<>();
        List<Value> parts = valueFrom instanceof Value.Template t ? t.parts() : List.of(valueFrom);
        boolean first = true;
        for (Value part : parts) {
            if (part instanceof Value.Str s) {
                if (s.value().contains(":secretsmanager:") || s.value().startsWith("secretsmanager:")) {
                    out.add("secretsmanager");
                } else if (s.value().contains(":ssm:") || s.value().startsWith("ssm:")) {
                    out.add("ssm");
                } else if (first && parts.size() == 1 && !s.value().startsWith("arn:")) {
                    out.add("ssm");
                }
            } else if (part instanceof Value.Ref ref) {
                for (Resource r : graph.targets(ref)) {
                    if (SECRET_TYPES.contains(r.type())) {
                        out.add("secretsmanager");
                    } else if (PARAMETER_TYPES.contains(r.type())) {
                        out.add("ssm");
                    }
                }
            }
            first = false;
        }
        return out;
    }
}
