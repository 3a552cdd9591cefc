package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An IAM policy document reduced to what the rules ask of it: which actions its Allow statements grant, and which
 * service principals its trust statements name. Resources and conditions are ignored on purpose: they only narrow a
 * grant, and preflight fires only when an action is granted by no statement at all.
 *
 * <pre>{@code
 * Known<PolicyDocument> policy = PolicyDocument.of(role.property("assume_role_policy").orElseThrow(), graph);
 * boolean ecs = policy.isKnown() && policy.value().trustsService("ecs-tasks.amazonaws.com");
 * }</pre>
 */
public record PolicyDocument(List<Statement> statements) {

    /** One statement: Allow or Deny, its Action or NotAction patterns, and its service principals. */
    public record Statement(boolean allow, List<String> actions, List<String> notActions, List<String> services) {
        /** Whether this statement, if it is an Allow, lets {@code action} through. */
        boolean allows(String action) {
            if (!allow) {
                return false;
            }
            if (!notActions.isEmpty()) {
                return notActions.stream().noneMatch(p -> matches(p, action));
            }
            return actions.stream().anyMatch(p -> matches(p, action));
        }
    }

    /** A document with no statements: what a role without policies has. */
    public static final PolicyDocument EMPTY = new PolicyDocument(List.of());

    /**
     * The document written as {@code value}, as {@link #of(Value)}. The graph is not needed any more: the Terraform
     * loader computes {@code data "aws_iam_policy_document"} into the document itself, like {@code jsonencode}.
     *
     * @deprecated use {@link #of(Value)}
     */
    @Deprecated
    public static Known<PolicyDocument> of(Value value, dev.preflight.graph.ResourceGraph graph) {
        return of(value);
    }

    /**
     * The document written as {@code value} (a policy in either format, a Terraform {@code jsonencode}, file or
     * template, or the {@code json} of a {@code data "aws_iam_policy_document"}); unknown when any part that
     * matters is not a known literal.
     */
    public static Known<PolicyDocument> of(Value value) {
        if (!(value instanceof Value.MapValue doc)) {
            return Known.unknown("policy document " + Values.show(value) + " is not known");
        }
        Optional<Value> statement = doc.get("Statement");
        if (statement.isEmpty()) {
            return Known.of(EMPTY);
        }
        List<Statement> out = new ArrayList<>();
        for (Value item : Values.elements(statement.get())) {
            if (!(item instanceof Value.MapValue map)) {
                return Known.unknown("a statement of a policy document is not known");
            }
            Known<Statement> s = statement(map);
            if (!s.isKnown()) {
                return Known.unknown(s.unknownReason());
            }
            out.add(s.value());
        }
        return Known.of(new PolicyDocument(out));
    }

    private static Known<Statement> statement(Value.MapValue map) {
        Optional<String> effect = map.get("Effect").flatMap(Values::knownString);
        if (effect.isEmpty()) {
            return Known.unknown("the effect of a policy statement is not known");
        }
        Known<List<String>> actions = strings(map.get("Action"));
        Known<List<String>> notActions = strings(map.get("NotAction"));
        if (!actions.isKnown() || !notActions.isKnown()) {
            return Known.unknown("the actions of a policy statement are not known");
        }
        List<String> services = new ArrayList<>();
        Optional<Value> principal = map.get("Principal");
        if (principal.isPresent() && principal.get() instanceof Value.MapValue p) {
            Known<List<String>> named = servicePrincipals(p.get("Service"));
            if (!named.isKnown()) {
                return Known.unknown("the service principal of a trust statement is not known");
            }
            services.addAll(named.value());
        } else if (principal.isPresent() && principal.get() instanceof Value.Str s && s.value().equals("*")) {
            services.add("*");
        } else if (principal.isPresent() && !(principal.get() instanceof Value.Str)) {
            return Known.unknown("the principal of a policy statement is not known");
        }
        return Known.of(new Statement(effect.get().equalsIgnoreCase("Allow"), actions.value(), notActions.value(),
                services));
    }

    /**
     * Service principals: like {@link #strings}, but {@code !Sub ecs-tasks.${AWS::URLSuffix}} reads as the
     * service it names, since the suffix only varies between partitions.
     */
    private static Known<List<String>> servicePrincipals(Optional<Value> value) {
        if (value.isEmpty()) {
            return Known.of(List.of());
        }
        List<String> out = new ArrayList<>();
        for (Value v : Values.elements(value.get())) {
            if (v instanceof Value.Template t && t.knownPrefix().endsWith(".") && t.knownPrefix().length() > 1) {
                out.add(t.knownPrefix() + "amazonaws.com");
                continue;
            }
            Optional<String> s = Values.knownString(v);
            if (s.isEmpty()) {
                return Known.unknown("service principal " + Values.show(v) + " is not known");
            }
            out.add(s.get());
        }
        return Known.of(out);
    }

    /** A string or list of strings; absent is an empty list. */
    private static Known<List<String>> strings(Optional<Value> value) {
        if (value.isEmpty() || value.get() instanceof Value.Null) {
            return Known.of(List.of());
        }
        List<String> out = new ArrayList<>();
        for (Value v : Values.elements(value.get())) {
            Optional<String> s = Values.knownString(v);
            if (s.isEmpty()) {
                return Known.unknown("value " + Values.show(v) + " is not known");
            }
            out.add(s.get());
        }
        return Known.of(out);
    }

    /** Whether an Allow statement of this document grants {@code action} ({@code ecr:BatchGetImage}). */
    public boolean grants(String action) {
        return statements.stream().anyMatch(s -> s.allows(action));
    }

    /** Whether an Allow statement lets {@code service} ({@code ecs-tasks.amazonaws.com}) assume the role. */
    public boolean trustsService(String service) {
        return statements.stream().anyMatch(s -> s.allow() && s.services().stream()
                .anyMatch(named -> named.equals("*") || named.equalsIgnoreCase(service)));
    }

    /** The statements of this document followed by those of {@code other}. */
    public PolicyDocument plus(PolicyDocument other) {
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(other.statements);
        return new PolicyDocument(all);
    }

    /** IAM action patterns: case-insensitive, {@code *} any run of characters, {@code ?} one character. */
    static boolean matches(String pattern, String action) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String a = action.toLowerCase(Locale.ROOT);
        return glob(p, 0, a, 0);
    }

    private static boolean glob(String p, int i, String a, int j) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= a.length(); k++) {
                    if (glob(p, i + 1, a, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= a.length() || (c != '?' && c != a.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
        return j == a.length();
    }
}
