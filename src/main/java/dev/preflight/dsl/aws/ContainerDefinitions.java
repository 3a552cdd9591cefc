package dev.preflight.dsl.aws;

import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The containers of an ECS task definition, read the same from Terraform's {@code container_definitions} (JSON the
 * loader parsed, camelCase keys) and CloudFormation's {@code ContainerDefinitions} (PascalCase).
 *
 * <pre>{@code
 * for (ContainerDefinitions.Container c : ContainerDefinitions.of(task).orElse(List.of())) {
 *     c.image().ifPresent(image -> ...);   // the same in jsonencode(...) and ContainerDefinitions
 * }
 * }</pre>
 */
public final class ContainerDefinitions {
    public static final String PROPERTY = "container_definitions";

    private ContainerDefinitions() {
    }

    /** One container definition and where it sits. */
    public record Container(int index, Value.MapValue definition) {
        /** The container's name, or {@code #index} when it has none that is known. */
        public String name() {
            return definition.get("name").filter(v -> v instanceof Value.Str)
                    .map(v -> ((Value.Str) v).value()).orElse("#" + index);
        }

        /** The {@code image} entry, if written. */
        public Optional<Value> image() {
            return definition.get("image");
        }

        /** The property path of an entry of this container, for findings: {@code container_definitions[0].image}. */
        public String path(String entry) {
            return PROPERTY + "[" + index + "]." + entry;
        }
    }

    /**
     * The containers of {@code taskDefinition}: empty when the definitions are not known (a variable without a
     * default, a template that does not render), an empty list when none are written.
     */
    public static Optional<List<Container>> of(Resource taskDefinition) {
        Optional<Value> defs = taskDefinition.properties().get(PROPERTY);
        if (defs.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!(defs.get() instanceof Value.ListValue list)) {
            return Optional.empty();
        }
        List<Container> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Value.MapValue map)) {
                // one unknown container (a merge() with a variable) makes the list unknown
                return Optional.empty();
            }
            out.add(new Container(i, map));
        }
        return Optional.of(out);
    }
}
