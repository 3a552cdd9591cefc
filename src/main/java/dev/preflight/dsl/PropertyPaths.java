package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Resource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Property paths as the user wrote them. Rules name properties canonically in Terraform's snake_case (also in
 * fingerprints, so a baseline survives a format change); messages show CloudFormation users PascalCase.
 *
 * <pre>{@code
 * String shown = PropertyPaths.shown(lb, "subnet_mappings");   // "SubnetMappings" in a template
 * }</pre>
 */
public final class PropertyPaths {
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");

    private PropertyPaths() {
    }

    /** {@code subnet_mappings[1].subnet_id} for Terraform, {@code SubnetMappings[1].SubnetId} for CloudFormation. */
    public static String shown(Resource resource, String path) {
        int end = path.indexOf('.');
        String first = end < 0 ? path : path.substring(0, end);
        if (resource.writtenName(first).isPresent()) {
            // a declared kind's rename: the user wrote BucketName, the rule reads bucket
            return resource.writtenName(first).get() + (end < 0 ? "" : shown(resource, path.substring(end)));
        }
        if (resource.format() != Format.CLOUDFORMATION) {
            return path;
        }
        Matcher m = SEGMENT.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder word = new StringBuilder();
            for (String part : m.group().split("_")) {
                word.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            // an index like [1] is digits only: keep it as it is
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    m.group().chars().allMatch(Character::isDigit) ? m.group() : word.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
