package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built resource graphs for unit tests of the DSL and the rules, independent of the loaders. Each resource is
 * put on its own line of a file {@code test.tf} (line = order of addition), so findings can be told apart by line.
 */
public final class TestGraph {
    public static final String SCOPE = ".";
    private final List<Resource> resources = new ArrayList<>();
    private final Format format;

    private TestGraph(Format format) {
        this.format = format;
    }

    public static TestGraph terraform() {
        return new TestGraph(Format.TERRAFORM);
    }

    public static TestGraph cloudFormation() {
        return new TestGraph(Format.CLOUDFORMATION);
    }

    /** Add a resource; {@code properties} alternate names and values ({@link Value}s, strings, numbers, booleans). */
    public TestGraph add(String address, Kind kind, Object... properties) {
        return addChild(address, kind, null, properties);
    }

    /** Add a data source. */
    public TestGraph data(String address, Kind kind, Object... properties) {
        int line = resources.size() + 1;
        resources.add(new Resource(new ResourceId(SCOPE, address), kind.name(), kind, format, true,
                map(properties), span(line), null));
        return this;
    }

    /** Add a resource written inside {@code parentAddress} (an inline route). */
    public TestGraph addChild(String address, Kind kind, String parentAddress, Object... properties) {
        int line = resources.size() + 1;
        Resource parent = parentAddress == null ? null : get(parentAddress);
        resources.add(new Resource(new ResourceId(SCOPE, address), kind.name(), kind, format, false,
                map(properties), span(line), parent));
        return this;
    }

    public Resource get(String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }

    public ResourceGraph build() {
        return new ResourceGraph(resources);
    }

    static Span span(int line) {
        return new Span("test.tf", line, 1, line, 10);
    }

    public static Value.Str str(String s) {
        return new Value.Str(s, null);
    }

    /** A reference to {@code address}'s attribute; {@code attribute} may be "Ref". */
    public static Value.Ref ref(String address, String attribute) {
        return new Value.Ref(new ResourceId(SCOPE, address),
                attribute.equals(Value.Ref.REF) ? List.of() : List.of(attribute), null);
    }

    public static Value.Unknown unknown() {
        return new Value.Unknown("variable without a value", null);
    }

    public static Value.ListValue list(Object... items) {
        List<Value> out = new ArrayList<>();
        for (Object o : items) {
            out.add(value(o));
        }
        return new Value.ListValue(out, null);
    }

    public static Value.MapValue map(Object... kv) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            entries.put((String) kv[i], value(kv[i + 1]));
        }
        return new Value.MapValue(entries, null);
    }

    public static Value.Template template(Object... parts) {
        List<Value> out = new ArrayList<>();
        for (Object o : parts) {
            out.add(value(o));
        }
        return new Value.Template(out, null);
    }

    static Value value(Object o) {
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return str(s);
        }
        if (o instanceof Integer n) {
            return new Value.Num(BigDecimal.valueOf(n), null);
        }
        if (o instanceof Boolean b) {
            return new Value.Bool(b, null);
        }
        if (o == null) {
            return new Value.Null(null);
        }
        throw new IllegalArgumentException("not a value: " + o);
    }
}
