package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * The value at a path with indexes, as rules name the property at fault: {@code subnet_mapping[1].subnet_id},
     * {@code container_definitions[0].portMappings[1].hostPort} (see {@link Resource#property}). Empty when the path
     * leads nowhere.
     */
    public static Optional<Value> value(Resource resource, String path) {
        return resource.property(path);
    }

    /**
     * The value at {@code path}, then each value it was taken out of, innermost first: for {@code
     * subnet_ids[1]} the element, then the list. Where the list came from is where the element came from. Empty
     * when the path leads nowhere.
     */
    public static List<Value> way(Resource resource, String path) {
        List<Value> out = new ArrayList<>();
        for (int end = path.length(); end > 0; end = lastStep(path, end)) {
            resource.property(path.substring(0, end)).ifPresent(out::add);
        }
        return out;
    }

    /** Where the segment or index that ends at {@code end} begins; 0 at the first segment. */
    private static int lastStep(String path, int end) {
        int i = end - 1;
        while (i > 0 && path.charAt(i) != '.' && path.charAt(i) != '[') {
            i--;
        }
        return i;
    }
}
