package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources a rule looks at: resources of some kinds that match a predicate. Immutable; every method returns a
 * new selection. A resource is selected only when the predicate is TRUE: a resource that might not match is skipped.
 */
public final class ResourceSelection {
    private final Set<Kind> kinds;
    private final ResourcePredicate predicate;
    private final boolean includeDataSources;

    private ResourceSelection(Set<Kind> kinds, ResourcePredicate predicate, boolean includeDataSources) {
        this.kinds = kinds;
        this.predicate = predicate;
        this.includeDataSources = includeDataSources;
    }

    /** Resources of the given kinds, or of every kind when none is given. Data sources are left out. */
    public static ResourceSelection resources(Kind... kinds) {
        Set<Kind> set = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(Arrays.asList(kinds));
        return new ResourceSelection(set, null, false);
    }

    /** Narrow to the given kinds. */
    public ResourceSelection ofKind(Kind... narrowed) {
        Set<Kind> set = EnumSet.noneOf(Kind.class);
        for (Kind k : narrowed) {
            if (kinds.contains(k)) {
                set.add(k);
            }
        }
        return new ResourceSelection(set, predicate, includeDataSources);
    }

    /** Also select Terraform data sources (their attributes are unknown, but their arguments are written). */
    public ResourceSelection includingDataSources() {
        return new ResourceSelection(kinds, predicate, true);
    }

    /** Keep the resources for which {@code filter} is TRUE. */
    public ResourceSelection that(ResourcePredicate filter) {
        return new ResourceSelection(kinds, predicate == null ? filter : predicate.and(filter), includeDataSources);
    }

    /** Same as {@link #that}, reads better after it. */
    public ResourceSelection and(ResourcePredicate filter) {
        return that(filter);
    }

    /** Widen the last filter: keep resources for which it or {@code alternative} is TRUE. */
    public ResourceSelection or(ResourcePredicate alternative) {
        if (predicate == null) {
            throw new IllegalStateException("or(...) needs a that(...) before it");
        }
        return new ResourceSelection(kinds, predicate.or(alternative), includeDataSources);
    }

    /** The rule body: every selected resource should meet {@code condition}. */
    public ResourceCheck should(ResourceCondition condition) {
        return new ResourceCheck(this, condition, null);
    }

    /** The kinds this selection reads, for listings and docs. */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** The selected resources of {@code graph}, in graph order. */
    public List<Resource> select(ResourceGraph graph) {
        List<Resource> out = new ArrayList<>();
        for (Kind kind : kinds) {
            for (Resource r : graph.resources(kind)) {
                if ((includeDataSources || !r.isDataSource()) && (predicate == null || predicate.test(r, graph).isTrue())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** "resources of kind SUBNET that ...", generated from the chain. */
    public String description() {
        String what;
        if (kinds.size() == Kind.values().length) {
            what = "resources";
        } else {
            what = "resources of kind " + kinds.stream().map(Kind::name).collect(Collectors.joining(" or "));
        }
        return predicate == null ? what : what + " that " + predicate.description();
    }

    @Override
    public String toString() {
        return description();
    }
}
