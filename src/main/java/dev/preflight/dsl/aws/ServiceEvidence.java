package dev.preflight.dsl.aws;

import dev.preflight.dsl.Evidence;
import dev.preflight.graph.Edge;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The places that explain a container or IAM finding: the ECR repository an image comes from, an IAM role with the
 * resources that give it its permissions (inline policy resources, attachments, the policies and policy documents
 * they name), a task definition a service runs.
 *
 * <pre>{@code
 * List<Evidence> evidence = ServiceEvidence.role(role, "is the execution role", graph);
 * events.violated(task, task.address() + " cannot pull its image", span, "execution_role_arn", null, evidence);
 * }</pre>
 */
public final class ServiceEvidence {
    /** Policy documents built from other documents are followed this deep. */
    private static final int POLICY_DEPTH = 4;

    private ServiceEvidence() {
    }

    /** Each repository of the scan an image value refers to ({@code ${aws_ecr_repository.app.repository_url}:1}). */
    public static List<Evidence> imageRepositories(Value image, ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>();
        List<Value> parts = image instanceof Value.Template t ? t.parts() : List.of(image);
        for (Value part : parts) {
            if (part instanceof Value.Ref ref) {
                for (Resource repo : graph.targets(ref)) {
                    if (repo.kind() == Kind.ECR_REPOSITORY) {
                        out.add(Evidence.resource(repo, repo.address() + " is the ECR repository of the image"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Where the launch types a task definition requires came from, when they are not written in it (a variable's
     * default, a parameter): the deciding value of every rule about tasks that require Fargate.
     */
    public static List<Evidence> launchTypes(Resource task) {
        return Evidence.valueSources(task.property("requires_compatibilities").orElse(null));
    }

    /** The task definition a service runs, pointing at what matters about it. */
    public static Evidence taskDefinition(Resource task, String property, String says) {
        return Evidence.property(task, property, task.address() + " " + says);
    }

    /**
     * The role, then every resource that gives it permissions: policy resources and attachments that refer to it, and
     * the policies and policy documents those (or the role itself) refer to.
     */
    public static List<Evidence> role(Resource role, String says, ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.resource(role, role.address() + " " + says));
        Set<Resource> sources = new LinkedHashSet<>();
        for (Edge e : graph.incoming(role)) {
            Kind k = e.from().kind();
            if (k == Kind.IAM_ROLE_POLICY || k == Kind.IAM_ROLE_POLICY_ATTACHMENT || k == Kind.IAM_POLICY) {
                sources.add(e.from());
            }
        }
        List<Resource> frontier = new ArrayList<>(sources);
        frontier.add(role);
        for (int depth = 0; depth < POLICY_DEPTH && !frontier.isEmpty(); depth++) {
            List<Resource> next = new ArrayList<>();
            for (Resource r : frontier) {
                for (Edge e : graph.outgoing(r)) {
                    if (isPolicy(e.to()) && sources.add(e.to())) {
                        next.add(e.to());
                    }
                }
            }
            frontier = next;
        }
        for (Resource source : sources) {
            out.add(Evidence.resource(source, source.address() + " gives " + role.address() + " permissions"));
        }
        return out;
    }

    /** Terraform's policy document data source: the loader computes its json, and a role refers to it. */
    private static final String POLICY_DOCUMENT_DATA = "aws_iam_policy_document";

    private static boolean isPolicy(Resource r) {
        return r.kind() == Kind.IAM_POLICY || r.kind() == Kind.IAM_ROLE_POLICY
                || r.isDataSource() && r.type().equals(POLICY_DOCUMENT_DATA);
    }
}
