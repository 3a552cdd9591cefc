package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.ScalarType;
import dev.preflight.cloudformation.syntax.TemplateNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a nested stack's template is, when it is a local file: an {@code AWS::CloudFormation::Stack} whose
 * {@code TemplateURL}, or an {@code AWS::Serverless::Application} whose {@code Location}, is a path rather than a URL.
 * That is how a template is written before {@code aws cloudformation package} (or {@code sam package}) uploads the
 * file and puts its S3 URL in its place; a path is relative to the template that names it. A URL, a computed value,
 * a dynamic reference or an application of the Serverless Application Repository is not local.
 */
final class NestedTemplateLocation {
    static final String STACK = "AWS::CloudFormation::Stack";
    static final String APPLICATION = "AWS::Serverless::Application";

    private NestedTemplateLocation() {
    }

    /** The resources of template {@code root}, read from {@code file}, that nest a local template: id to file. */
    static Map<String, Path> in(MappingNode root, Path file) {
        Map<String, Path> nested = new LinkedHashMap<>();
        if (root.get("Resources").orElse(null) instanceof MappingNode resources) {
            for (MappingNode.Entry e : resources.entries()) {
                if (e.value() instanceof MappingNode body) {
                    of(body, file).ifPresent(p -> nested.put(e.key(), p));
                }
            }
        }
        return nested;
    }

    /** True for the resource types whose template is another stack's. */
    static boolean isNestedStackType(String type) {
        return STACK.equals(type) || APPLICATION.equals(type);
    }

    /** The local template file the resource {@code body} names, resolved against {@code parent}'s directory. */
    static Optional<Path> of(MappingNode body, Path parent) {
        Optional<String> type = text(body.get("Type").orElse(null));
        if (type.isEmpty() || !isNestedStackType(type.get())) {
            return Optional.empty();
        }
        String property = type.get().equals(STACK) ? "TemplateURL" : "Location";
        Optional<String> location = body.get("Properties")
                .flatMap(p -> p instanceof MappingNode properties ? properties.get(property) : Optional.empty())
                .flatMap(node -> text(node));
        if (location.isEmpty() || !isLocalPath(location.get())) {
            return Optional.empty();
        }
        try {
            Path dir = parent.toAbsolutePath().normalize().getParent();
            Path named = Path.of(location.get().trim());
            return Optional.of((dir == null ? named : dir.resolve(named)).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocalPath(String location) {
        String l = location.trim();
        return !l.isEmpty() && !l.contains("://") && !l.startsWith("s3:") && !l.startsWith("{{resolve:");
    }

    private static Optional<String> text(TemplateNode node) {
        return node instanceof ScalarNode s && s.type() != ScalarType.NULL ? Optional.of(s.text()) : Optional.empty();
    }
}
