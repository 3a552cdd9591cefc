package dev.preflight.graph;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource (or Terraform data source) in the graph. Properties are read by canonical name through
 * {@link #property(String)}; nested blocks and CloudFormation lists of objects both appear as lists of maps.
 * Inline children (a route written inside a route table) are resources of their own with {@link #parent()} set.
 *
 * <pre>{@code
 * Optional<Value> subnets = service.property("network_configuration.subnets");
 * Span where = service.spanOf("network_configuration");
 * System.out.println(service.address() + " (" + service.type() + ")");
 * }</pre>
 */
public final class Resource {
    private final ResourceId id;
    private final String type;
    private final Kind kind;
    private final Format format;
    private final boolean dataSource;
    private final Value.MapValue properties;
    private final Span span;
    private final Resource parent;
    private final List<Span> renderedFrom;
    /** Renamed properties' names as written (see {@link #writtenName}); set only on renamed copies. */
    private Map<String, String> writtenNames = Map.of();
    /** What the resource's provider configuration adds to its tags; null when it adds none. */
    private final Value providerDefaultTags;

    public Resource(ResourceId id, String type, Kind kind, Format format, boolean dataSource,
                    Value.MapValue properties, Span span, Resource parent) {
        this(id, type, kind, format, dataSource, properties, span, parent, List.of(), null);
    }

    /**
     * A resource some of whose properties were rendered from other files ({@code renderedFrom}: a template file
     * that {@code templatefile()} rendered into its container definitions, a policy read by {@code file()}).
     */
    public Resource(ResourceId id, String type, Kind kind, Format format, boolean dataSource,
                    Value.MapValue properties, Span span, Resource parent, List<Span> renderedFrom) {
        this(id, type, kind, format, dataSource, properties, span, parent, renderedFrom, null);
    }

    /**
     * A resource whose provider configuration adds {@code providerDefaultTags} to its tags (Terraform's AWS provider
     * {@code default_tags}): a map, or {@link Value.Unknown} when the configuration's tags are not known.
     */
    public Resource(ResourceId id, String type, Kind kind, Format format, boolean dataSource,
                    Value.MapValue properties, Span span, Resource parent, List<Span> renderedFrom,
                    Value providerDefaultTags) {
        this.renderedFrom = List.copyOf(renderedFrom);
        this.providerDefaultTags = providerDefaultTags;
        this.id = id;
        this.type = type;
        this.kind = kind;
        this.format = format;
        this.dataSource = dataSource;
        this.properties = properties;
        this.span = span;
        this.parent = parent;
    }

    public ResourceId id() {
        return id;
    }

    /** The address users know: {@code aws_lb.web}, {@code module.net.aws_subnet.a[0]}, or the logical id. */
    public String address() {
        return id.address();
    }

    /** The type as written: {@code aws_lb}, {@code AWS::ElasticLoadBalancingV2::LoadBalancer}. */
    public String type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    public Format format() {
        return format;
    }

    /** A Terraform {@code data} block: its attributes are known only after a refresh, so they are unknown. */
    public boolean isDataSource() {
        return dataSource;
    }

    public Value.MapValue properties() {
        return properties;
    }

    /** The block or logical-id entry where the resource is written. */
    public Span span() {
        return span;
    }

    /**
     * The other places this resource's content is written: the files its property values were rendered from (a
     * template, a JSON policy file), whole. Values found there are the resource's own, like those in its block.
     */
    public List<Span> renderedFrom() {
        return renderedFrom;
    }

    /** The file the resource is written in, as shown to the user. */
    public String file() {
        return span.file();
    }

    public Optional<Resource> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * The tags the resource's provider configuration adds to it, as written in the scanned configuration: the AWS
     * provider's {@code default_tags} in Terraform. Empty when the configuration adds none (and for
     * CloudFormation, whose stack-level tags are given at deploy time, outside the template).
     */
    public Optional<Value> providerDefaultTags() {
        return Optional.ofNullable(providerDefaultTags);
    }

    /**
     * The same resource with renamed properties (a user's declared kind): {@code writtenNames} maps each new name to
     * the name written in the source, for messages. Its parent is {@code newParent}.
     */
    public Resource withProperties(Value.MapValue newProperties, Resource newParent, Map<String, String> writtenNames) {
        Resource r = new Resource(id, type, kind, format, dataSource, newProperties, span, newParent, renderedFrom,
                providerDefaultTags);
        r.writtenNames = Map.copyOf(writtenNames);
        return r;
    }

    /**
     * How the source spells the top-level property rules read as {@code name}, when a rename put it under another
     * name (a declared kind's {@code BucketName} read as {@code bucket}); empty when it is written as read.
     */
    public Optional<String> writtenName(String name) {
        return Optional.ofNullable(writtenNames.get(name));
    }

    /**
     * The property at a dotted path of canonical names, e.g. {@code "network_configuration.subnets"}. A list on
     * the way with exactly one element (a Terraform nested block) is stepped through; a segment may name an element
     * by index, {@code "subnet_mapping[1].subnet_id"}, as rules name the property at fault.
     */
    public Optional<Value> property(String path) {
        Value current = properties;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            if (current instanceof Value.ListValue list && list.items().size() == 1 && !name.isEmpty()) {
                current = list.items().get(0);
            }
            if (!name.isEmpty()) {
                if (!(current instanceof Value.MapValue map)) {
                    return Optional.empty();
                }
                Optional<Value> next = map.get(name);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            }
            for (int at = bracket; at >= 0 && current != null; at = segment.indexOf('[', at + 1)) {
                current = element(current, segment, at);
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The element a {@code [n]} at {@code open} names, or null when there is none. */
    private static Value element(Value current, String segment, int open) {
        int close = segment.indexOf(']', open);
        if (close < 0 || !(current instanceof Value.ListValue list)) {
            return null;
        }
        int index;
        try {
            index = Integer.parseInt(segment.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return null;
        }
        return index >= 0 && index < list.items().size() ? list.items().get(index) : null;
    }

    /** The span of the property at {@code path}, or of the resource when the property is absent. */
    public Span spanOf(String path) {
        return property(path).map(Value::span).filter(s -> s != null).orElse(span);
    }

    /** The inline child resources' addresses are built from this prefix. */
    public List<String> addressParts() {
        return new ArrayList<>(List.of(id.address().split("\\.")));
    }

    @Override
    public String toString() {
        return id.address() + " (" + type + ")";
    }
}
