package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFormation's pseudo parameters. They describe the stack being deployed, so they are unknown unless the user
 * gave them (e.g. {@code AWS::Region=eu-west-1}); the partition and URL suffix follow from a given region.
 */
final class PseudoParameters {
    static final String NO_VALUE = "AWS::NoValue";
    private static final Map<String, String> WHY_UNKNOWN = Map.of(
            "AWS::Region", "AWS::Region is the region the stack is deployed to",
            "AWS::AccountId", "AWS::AccountId is the account the stack is deployed to",
            "AWS::StackName", "AWS::StackName is chosen at deploy time",
            "AWS::StackId", "AWS::StackId is assigned at deploy time",
            "AWS::NotificationARNs", "AWS::NotificationARNs are chosen at deploy time",
            "AWS::Partition", "AWS::Partition depends on the region the stack is deployed to",
            "AWS::URLSuffix", "AWS::URLSuffix depends on the region the stack is deployed to");

    private final Map<String, String> given;

    PseudoParameters(Map<String, String> given) {
        this.given = given;
    }

    static boolean isPseudo(String name) {
        return name.equals(NO_VALUE) || WHY_UNKNOWN.containsKey(name);
    }

    /** The value of pseudo parameter {@code name} at {@code useSite}; call only when {@link #isPseudo} holds. */
    Value valueAt(String name, Span useSite) {
        if (name.equals(NO_VALUE)) {
            return new Value.Null(useSite);
        }
        Optional<String> value = known(name);
        if (value.isEmpty()) {
            return new Value.Unknown(WHY_UNKNOWN.get(name) + " (give it as parameter " + name + ")", useSite);
        }
        if (name.equals("AWS::NotificationARNs")) {
            return ParameterTable.listOf(value.get(), useSite);
        }
        return new Value.Str(value.get(), useSite);
    }

    private Optional<String> known(String name) {
        String value = given.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        String region = given.get("AWS::Region");
        if (region == null) {
            return Optional.empty();
        }
        boolean china = region.startsWith("cn-");
        if (name.equals("AWS::Partition")) {
            return Optional.of(china ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
        }
        if (name.equals("AWS::URLSuffix")) {
            return Optional.of(china ? "amazonaws.com.cn" : "amazonaws.com");
        }
        return Optional.empty();
    }
}
