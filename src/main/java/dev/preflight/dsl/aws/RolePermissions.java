package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Everything an IAM role of the scan is allowed to do, gathered through the graph: inline policies (Terraform
 * {@code inline_policy}, CloudFormation {@code Policies}), {@code managed_policy_arns}, and the separate resources
 * that attach policies to it ({@code aws_iam_role_policy}, {@code aws_iam_role_policy_attachment},
 * {@code aws_iam_policy_attachment}, {@code AWS::IAM::Policy}/{@code ManagedPolicy} with {@code Roles}). The
 * answer is unknown as soon as one policy that is, or might be, attached is not known: a role is judged only on
 * its complete set of permissions.
 *
 * <pre>{@code
 * Known<Resource> role = RolePermissions.roleAt(task, "execution_role_arn", graph);
 * Known<PolicyDocument> granted = role.flatMap(r -> RolePermissions.of(r, graph));
 * }</pre>
 */
public final class RolePermissions {
    private RolePermissions() {
    }

    /** The IAM role a task definition or service names in {@code path}, when it is a role of this scan. */
    public static Known<Resource> roleAt(Resource resource, String path, ResourceGraph graph) {
        Optional<Value> v = resource.property(path);
        if (v.isEmpty()) {
            return Known.unknown(resource.address() + " names no role in " + path);
        }
        Value item = v.get() instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v.get();
        return graph.target(item).filter(r -> r.kind() == Kind.IAM_ROLE && !r.isDataSource())
                .map(Known::of)
                .orElseGet(() -> Known.unknown("role " + Values.show(v.get()) + " is not a role of this scan"));
    }

    /** All the permissions of {@code role}, or unknown when any of its policies is. */
    public static Known<PolicyDocument> of(Resource role, ResourceGraph graph) {
        PolicyDocument all = PolicyDocument.EMPTY;
        // inline policies written in the role
        Optional<Value> inline = role.property("policies");
        if (inline.isPresent() && !(inline.get() instanceof Value.Null)) {
            if (!(inline.get() instanceof Value.ListValue list)) {
                return Known.unknown("the inline policies of " + role.address() + " are not known");
            }
            for (Value p : list.items()) {
                if (!(p instanceof Value.MapValue map)) {
                    return Known.unknown("an inline policy of " + role.address() + " is not known");
                }
                Optional<Value> doc = map.get("policy_document").or(() -> map.get("policy"));
                if (doc.isEmpty()) {
                    // an empty inline_policy {} block removes inline policies; it grants nothing
                    continue;
                }
                Known<PolicyDocument> d = PolicyDocument.of(doc.get());
                if (!d.isKnown()) {
                    return d;
                }
                all = all.plus(d.value());
            }
        }
        Optional<Value> managed = role.property("managed_policy_arns");
        if (managed.isPresent() && !(managed.get() instanceof Value.Null)) {
            if (!(managed.get() instanceof Value.ListValue list)) {
                return Known.unknown("the managed policies of " + role.address() + " are not known");
            }
            for (Value arn : list.items()) {
                Known<PolicyDocument> d = policyNamedBy(arn, graph);
                if (!d.isKnown()) {
                    return d;
                }
                all = all.plus(d.value());
            }
        }
        // another root module or template cannot attach a policy to a role it cannot name; one that imports the
        // role (Fn::ImportValue of the role's export) can, and so can any other by the role's name
        boolean shared = graph.isReferencedFromAnotherScope(role);
        for (Resource r : shared ? graph.resources() : graph.resourcesIn(role.id().scope())) {
            Known<PolicyDocument> d = attachedBy(r, role, graph);
            if (!d.isKnown()) {
                return d;
            }
            all = all.plus(d.value());
        }
        return Known.of(all);
    }


    /** What {@code r} attaches to {@code role}: empty when it attaches nothing to it, unknown when it might. */
    private static Known<PolicyDocument> attachedBy(Resource r, Resource role, ResourceGraph graph) {
        if (r.isDataSource()) {
            return Known.of(PolicyDocument.EMPTY);
        }
        if (r.kind() == Kind.IAM_ROLE_POLICY) {
            Truth mine = namesRole(r.property("role").or(() -> r.property("role_name")), role, graph);
            return mine == Truth.FALSE ? Known.of(PolicyDocument.EMPTY)
                    : mine == Truth.UNKNOWN ? Known.unknown("the role of " + r.address() + " is not known")
                    : document(r);
        }
        if (r.kind() == Kind.IAM_ROLE_POLICY_ATTACHMENT) {
            Truth mine = namesRole(r.property("role").or(() -> r.property("roles")), role, graph);
            if (mine == Truth.FALSE) {
                return Known.of(PolicyDocument.EMPTY);
            }
            if (mine == Truth.UNKNOWN) {
                return Known.unknown("the role of " + r.address() + " is not known");
            }
            return r.property("policy_arn").map(arn -> policyNamedBy(arn, graph))
                    .orElseGet(() -> Known.unknown(r.address() + " names no policy"));
        }
        if (r.kind() == Kind.IAM_POLICY && r.format() == dev.preflight.graph.Format.CLOUDFORMATION) {
            Truth mine = namesRole(r.property("roles"), role, graph);
            return mine == Truth.FALSE ? Known.of(PolicyDocument.EMPTY)
                    : mine == Truth.UNKNOWN ? Known.unknown("the roles of " + r.address() + " are not known")
                    : document(r);
        }
        return Known.of(PolicyDocument.EMPTY);
    }

    private static Known<PolicyDocument> document(Resource policy) {
        return policy.property("policy_document").or(() -> policy.property("policy"))
                .map(PolicyDocument::of)
                .orElseGet(() -> Known.unknown(policy.address() + " has no policy document"));
    }

    /**
     * Whether a role-naming value (a reference to the role's name, id or arn, a literal name, or a list of them)
     * names {@code role}. A literal name matches the role's written name; it is unknown when that name is not.
     */
    static Truth namesRole(Optional<Value> value, Resource role, ResourceGraph graph) {
        if (value.isEmpty() || value.get() instanceof Value.Null) {
            return Truth.FALSE;
        }
        if (value.get() instanceof Value.Unknown) {
            return Truth.UNKNOWN;
        }
        Truth any = Truth.FALSE;
        for (Value item : Values.elements(value.get())) {
            Value v = item instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : item;
            if (v instanceof Value.Str s) {
                Optional<String> name = role.property("name").or(() -> role.property("role_name"))
                        .flatMap(Values::knownString);
                any = any.or(name.map(n -> Truth.of(n.equals(s.value()) || s.value().endsWith(":role/" + n)))
                        .orElse(Truth.UNKNOWN));
            } else {
                any = any.or(Values.refersTo(v, role, graph));
            }
        }
        return any;
    }

    /** The document of a policy named by ARN: a policy of the scan, or an AWS managed policy preflight knows. */
    static Known<PolicyDocument> policyNamedBy(Value arn, ResourceGraph graph) {
        Value v = arn instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : arn;
        Optional<Resource> policy = graph.target(v).filter(r -> r.kind() == Kind.IAM_POLICY && !r.isDataSource());
        if (policy.isPresent()) {
            return document(policy.get());
        }
        Optional<String> known = v instanceof Value.Template t ? Optional.of(t.knownSuffix())
                : Values.knownString(v);
        return known.flatMap(ManagedPolicies::byArnSuffix).map(Known::of)
                .orElseGet(() -> Known.unknown("policy " + Values.show(arn) + " is not known"));
    }

    /** Whether a role of the scan trusts {@code service}; unknown when its trust policy is not known. */
    public static Truth trusts(Resource role, String service, ResourceGraph graph) {
        Optional<Value> trust = role.property("assume_role_policy_document");
        if (trust.isEmpty()) {
            return Truth.UNKNOWN;
        }
        Known<PolicyDocument> doc = PolicyDocument.of(trust.get());
        return doc.isKnown() ? Truth.of(doc.value().trustsService(service)) : Truth.UNKNOWN;
    }

    /** The actions of {@code wanted} that {@code permissions} does not grant. */
    public static List<String> lacking(PolicyDocument permissions, List<String> wanted) {
        return wanted.stream().filter(a -> !permissions.grants(a)).toList();
    }
}
