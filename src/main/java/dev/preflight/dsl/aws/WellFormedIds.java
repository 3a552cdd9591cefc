package dev.preflight.dsl.aws;

import dev.preflight.dsl.Locations;
import dev.preflight.dsl.PropertyPaths;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Value;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition "every id property holds a well-formed id"; references and unknown values are never judged.
 *
 * <pre>{@code
 * resources().should(WellFormedIds.haveWellFormed(AwsIds.VPC))
 * }</pre>
 */
public final class WellFormedIds {
    private WellFormedIds() {
    }

    /** Every known literal in an id property of one of {@code types} has that type's shape. */
    public static ResourceCondition haveWellFormed(AwsIds... types) {
        Set<AwsIds> wanted = EnumSet.copyOf(Arrays.asList(types));
        String nouns = wanted.stream().map(AwsIds::noun).collect(Collectors.joining(", "));
        return ResourceCondition.of("have well-formed " + nouns + " ids", (resource, graph, events) -> {
            for (IdAttribute attribute : IdAttribute.ALL) {
                if (!wanted.contains(attribute.type()) || !attribute.appliesTo(resource.kind())) {
                    continue;
                }
                for (IdAttribute.Occurrence o : attribute.occurrences(resource)) {
                    // references to resources and data sources are ids by construction; unknowns are not judged
                    if (!(o.value() instanceof Value.Str s) || s.value().isEmpty()) {
                        continue;
                    }
                    String id = s.value();
                    if (attribute.requiredPrefix() != null && !id.startsWith(attribute.requiredPrefix())) {
                        continue;
                    }
                    AwsIds type = attribute.type();
                    var where = Locations.inResource(resource, s.span(), o.property().span());
                    if (type.isWellFormed(id)) {
                        events.satisfied(resource, resource.address() + " has a well-formed " + type.noun()
                                + " id in " + o.path(), where, o.path(), id);
                    } else {
                        events.violated(resource, resource.address() + ": "
                                        + PropertyPaths.shown(resource, o.path()) + " is \"" + id
                                        + "\", which is not a " + type.noun() + " id (" + type.expectedForm() + ")",
                                where, o.path(), Values.show(s));
                    }
                }
            }
        });
    }
}
