package dev.preflight.dsl;

import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources a rule looks at: resources of some kinds (built-in or {@linkplain DeclaredKind declared}) or types
 * that match a predicate. Immutable; every method returns a new selection. A resource is selected only when the
 * predicate is TRUE: a resource that might not match is skipped.
 *
 * <pre>{@code
 * resources(Kind.ECS_SERVICE).that(Predicates.haveValue("launch_type", null, "FARGATE"))
 * resources(BUCKET)                                        // a DeclaredKind
 * resourcesOfType("aws_instance", "AWS::EC2::Instance")    // any type, as written
 * }</pre>
 */
public final class ResourceSelection {
    private final Set<Kind> kinds;
    private final List<DeclaredKind> declaredKinds;
    /** Types selected as written, beyond those of the kinds; empty when selecting by built-in kind. */
    private final Set<String> types;
    private final ResourcePredicate predicate;
    private final boolean includeDataSources;

    private ResourceSelection(Set<Kind> kinds, List<DeclaredKind> declaredKinds, Set<String> types,
                              ResourcePredicate predicate, boolean includeDataSources) {
        this.kinds = kinds;
        this.declaredKinds = declaredKinds;
        this.types = types;
        this.predicate = predicate;
        this.includeDataSources = includeDataSources;
    }

    private ResourceSelection(Set<Kind> kinds, ResourcePredicate predicate, boolean includeDataSources) {
        this(kinds, List.of(), Set.of(), predicate, includeDataSources);
    }

    /** Resources of the given kinds, or of every kind when none is given. Data sources are left out. */
    public static ResourceSelection resources(Kind... kinds) {
        Set<Kind> set = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(Arrays.asList(kinds));
        return new ResourceSelection(set, null, false);
    }

    /** Resources of the given declared kinds, in either format. Data sources are left out. */
    public static ResourceSelection resources(DeclaredKind first, DeclaredKind... more) {
        List<DeclaredKind> declared = new ArrayList<>();
        declared.add(first);
        declared.addAll(Arrays.asList(more));
        Set<String> types = new LinkedHashSet<>();
        for (DeclaredKind k : declared) {
            types.addAll(k.types());
        }
        return new ResourceSelection(EnumSet.noneOf(Kind.class), List.copyOf(declared),
                Collections.unmodifiableSet(types), null, false);
    }

    /**
     * Resources of the given types as written: Terraform types ({@code aws_s3_bucket}) and CloudFormation types
     * ({@code AWS::S3::Bucket}); name both to cover both formats. Data sources are left out.
     */
    public static ResourceSelection resourcesOfType(String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("name at least one resource type");
        }
        return new ResourceSelection(EnumSet.noneOf(Kind.class), List.of(),
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(types))), null, false);
    }

    /** Narrow to the given kinds. */
    public ResourceSelection ofKind(Kind... narrowed) {
        Set<Kind> set = EnumSet.noneOf(Kind.class);
        for (Kind k : narrowed) {
            if (kinds.contains(k)) {
                set.add(k);
            }
        }
        return new ResourceSelection(set, declaredKinds, types, predicate, includeDataSources);
    }

    /** Also select Terraform data sources (their attributes are unknown, but their arguments are written). */
    public ResourceSelection includingDataSources() {
        return new ResourceSelection(kinds, declaredKinds, types, predicate, true);
    }

    /** Keep the resources for which {@code filter} is TRUE. */
    public ResourceSelection that(ResourcePredicate filter) {
        return new ResourceSelection(kinds, declaredKinds, types, predicate == null ? filter : predicate.and(filter),
                includeDataSources);
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
        return new ResourceSelection(kinds, declaredKinds, types, predicate.or(alternative), includeDataSources);
    }

    /** The rule body: every selected resource should meet {@code condition}. */
    public ResourceCheck should(ResourceCondition condition) {
        return new ResourceCheck(this, condition, null);
    }

    /** The built-in kinds this selection reads, for listings and docs; empty when it selects by type. */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** The declared kinds this selection reads. */
    public List<DeclaredKind> declaredKinds() {
        return declaredKinds;
    }

    /**
     * What the selection reads beyond built-in kinds, for listings: the names of its declared kinds, or the types it
     * selects as written.
     */
    public List<String> customKinds() {
        if (!declaredKinds.isEmpty()) {
            return declaredKinds.stream().map(DeclaredKind::name).toList();
        }
        return List.copyOf(types);
    }

    /** The selected resources of {@code graph}, in graph order (by kind, then type, for several). */
    public List<Resource> select(ResourceGraph graph) {
        return select(graph, null);
    }

    /**
     * The selected resources; a predicate that fails on a resource skips it and, when {@code failures} is given,
     * is recorded there (resource to error) instead of ending the selection.
     */
    List<Resource> select(ResourceGraph graph, Map<Resource, RuntimeException> failures) {
        List<Resource> out = new ArrayList<>();
        for (Kind kind : kinds) {
            addMatching(graph.resources(kind), graph, out, failures);
        }
        for (String type : types) {
            addMatching(graph.resourcesOfType(type), graph, out, failures);
        }
        return out;
    }

    private void addMatching(List<Resource> candidates, ResourceGraph graph, List<Resource> out,
                             Map<Resource, RuntimeException> failures) {
        for (Resource r : candidates) {
            if (!includeDataSources && r.isDataSource()) {
                continue;
            }
            if (predicate == null) {
                out.add(r);
                continue;
            }
            try {
                if (predicate.test(r, graph).isTrue()) {
                    out.add(r);
                }
            } catch (RuntimeException e) {
                if (failures == null) {
                    throw e;
                }
                failures.put(r, e);
            }
        }
    }

    /** "resources of kind SUBNET that ...", generated from the chain. */
    public String description() {
        String what;
        if (!declaredKinds.isEmpty()) {
            what = "resources of kind " + declaredKinds.stream().map(DeclaredKind::name)
                    .collect(Collectors.joining(" or "));
        } else if (!types.isEmpty()) {
            what = "resources of type " + String.join(" or ", types);
        } else if (kinds.size() == Kind.values().length) {
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
