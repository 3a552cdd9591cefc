package dev.preflight.cloudformation.syntax;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names of CloudFormation's intrinsic functions, in their YAML short form and their long form. */
public final class Intrinsics {
    public static final String REF = "Ref";
    public static final String CONDITION = "Condition";

    /**
     * Short tags CloudFormation accepts, to their long names. The rule functions ({@code !Contains}, {@code !ValueOf},
     * ...) only make sense in a {@code Rules} section, but they are valid syntax, so they parse.
     */
    private static final Map<String, String> SHORT_TAGS = Map.ofEntries(
            Map.entry("!Ref", REF),
            Map.entry("!Condition", CONDITION),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!Contains", "Fn::Contains"),
            Map.entry("!EachMemberEquals", "Fn::EachMemberEquals"),
            Map.entry("!EachMemberIn", "Fn::EachMemberIn"),
            Map.entry("!RefAll", "Fn::RefAll"),
            Map.entry("!ValueOf", "Fn::ValueOf"),
            Map.entry("!ValueOfAll", "Fn::ValueOfAll"),
            // AWS::LanguageExtensions functions
            Map.entry("!Length", "Fn::Length"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            // reads an output of another stack by name (cfn-lint accepts it in its "good" fixtures)
            Map.entry("!GetStackOutput", "Fn::GetStackOutput"));

    private static final Set<String> LONG_NAMES = Set.copyOf(SHORT_TAGS.values());

    private Intrinsics() {
    }

    /** The long name of a short tag such as {@code !GetAtt}, or empty when the tag is not a function. */
    public static Optional<String> longNameOfTag(String tag) {
        return Optional.ofNullable(SHORT_TAGS.get(tag));
    }

    /** True for the long names CloudFormation defines ({@code Ref}, {@code Fn::Sub}, ...). */
    public static boolean isKnownFunction(String longName) {
        return LONG_NAMES.contains(longName);
    }

    /**
     * True when a one-key mapping with this key is a function call in long form. {@code Condition} is one only
     * when its argument is a condition name (a string): an IAM statement's {@code Condition} block is a mapping.
     */
    public static boolean isLongFormKey(String key, TemplateNode value) {
        if (key.equals(REF)) {
            return true;
        }
        if (key.equals(CONDITION)) {
            return value instanceof ScalarNode s && s.type() == ScalarType.STRING;
        }
        // Fn::ForEach::Name is a key of the Resources section (a loop), not a call; Rain::Embed and friends are the
        // Rain preprocessor's directives, which read as calls so that the loader reports them like !Rain::Embed
        return (key.startsWith("Fn::") && !key.startsWith("Fn::ForEach")) || key.startsWith("Rain::");
    }
}
