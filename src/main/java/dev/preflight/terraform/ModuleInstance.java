package dev.preflight.terraform;

import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One instance of a module: the root module, or a local module call (one per count/for_each key). It answers what
 * names mean inside the module ({@link Scope}) and builds the module's resources, then its children's.
 */
final class ModuleInstance implements Scope {
    private static final Set<String> MODULE_META_ARGUMENTS =
            Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    private final ModuleDefinition def;
    private final LoadContext ctx;
    /** The address prefix of everything in this instance: "" or {@code module.net.} or {@code module.a["x"].}. */
    private final String prefix;
    private final Map<String, Supplier<Value>> inputs;
    private final int depth;
    private final Evaluator evaluator;
    private final Map<String, Value> locals = new HashMap<>();
    private final Set<String> localsInProgress = new HashSet<>();
    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, Expansion> expansions = new HashMap<>();
    private final Map<String, ModuleInstance> children = new LinkedHashMap<>();
    private final Set<String> outputsInProgress = new HashSet<>();
    private final ProviderDefaultTags providerTags;

    ModuleInstance(ModuleDefinition def, LoadContext ctx, String prefix, Map<String, Supplier<Value>> inputs,
                   int depth) {
        this(def, ctx, prefix, inputs, depth, null, null);
    }

    /** An instance called by {@code caller} through the module block {@code call} (null for a root module). */
    ModuleInstance(ModuleDefinition def, LoadContext ctx, String prefix, Map<String, Supplier<Value>> inputs,
                   int depth, ModuleInstance caller, Block call) {
        this.def = def;
        this.ctx = ctx;
        this.prefix = prefix;
        this.inputs = inputs;
        this.depth = depth;
        this.evaluator = new Evaluator(this);
        this.providerTags = new ProviderDefaultTags(def, evaluator, caller == null ? null : caller.providerTags,
                call);
    }

    // ---- building resources -------------------------------------------------------------------------------

    /** Builds this instance's resources and data sources, then those of its local module calls. */
    void build() {
        ResourceBuilder builder = new ResourceBuilder(evaluator, ctx, providerTags::of);
        for (Map.Entry<String, Block> e : def.resources.entrySet()) {
            buildAll(builder, e.getValue(), prefix + e.getKey(), expansion("resource." + e.getKey(), e.getValue()),
                    false);
        }
        for (Map.Entry<String, Block> e : def.dataSources.entrySet()) {
            buildAll(builder, e.getValue(), prefix + "data." + e.getKey(),
                    expansion("data." + e.getKey(), e.getValue()), true);
        }
        for (String call : def.moduleCalls.keySet()) {
            for (ModuleInstance child : instancesOf(call)) {
                child.build();
            }
        }
    }

    private void buildAll(ResourceBuilder builder, Block block, String baseAddress, Expansion expansion,
                          boolean data) {
        for (int i = 0; i < expansion.instanceCount(); i++) {
            Bindings bindings = expansion.bind(Bindings.EMPTY, i, block.span());
            ResourceId id = new ResourceId(ctx.scopeId, baseAddress + expansion.suffix(i));
            builder.build(id, block, bindings, data);
        }
    }

    private Expansion expansion(String key, Block block) {
        Expansion cached = expansions.get(key);
        if (cached == null) {
            // a placeholder guards against count expressions that refer to the resource itself
            expansions.put(key, new Expansion(Expansion.Mode.UNKNOWN, List.of(), List.of()));
            cached = Expansion.of(block, evaluator);
            expansions.put(key, cached);
        }
        return cached;
    }

    // ---- Scope -------------------------------------------------------------------------------------------

    @Override
    public Value variable(String name, Span use) {
        Value v = variables.get(name);
        if (v == null) {
            v = resolveVariable(name, use);
            variables.put(name, v);
        }
        return v.at(use);
    }

    private Value resolveVariable(String name, Span use) {
        Block decl = def.variables.get(name);
        Supplier<Value> given = inputs.get(name);
        if (given != null) {
            Value v = given.get();
            // Terraform replaces a null input by the default unless the variable is nullable (the default)
            if (!(v instanceof Value.Null) || decl == null || !nonNullable(decl)) {
                return VariableTypes.convert(decl, v);
            }
        }
        if (decl == null) {
            return new Value.Unknown("variable `" + name + "` is not declared", use);
        }
        Optional<Attribute> dflt = decl.body().attribute("default");
        if (dflt.isEmpty()) {
            return new Value.Unknown("variable `" + name + "` has no default and no value was given", use);
        }
        return VariableTypes.convert(decl, new Evaluator(NoScope.INSTANCE).evaluate(dflt.get().value(),
                Bindings.EMPTY));
    }

    private static boolean nonNullable(Block decl) {
        return decl.body().attribute("nullable")
                .map(a -> a.value() instanceof dev.preflight.terraform.syntax.Expression.BoolLiteral b && !b.value())
                .orElse(false);
    }

    @Override
    public Value local(String name, Span use) {
        Value v = locals.get(name);
        if (v != null) {
            return v.at(use);
        }
        Attribute a = def.locals.get(name);
        if (a == null) {
            return new Value.Unknown("local `" + name + "` is not declared", use);
        }
        if (!localsInProgress.add(name)) {
            return new Value.Unknown("local `" + name + "` refers to itself", use);
        }
        try {
            v = evaluator.evaluate(a.value(), Bindings.EMPTY);
        } finally {
            localsInProgress.remove(name);
        }
        locals.put(name, v);
        return v.at(use);
    }

    @Override
    public Value resource(String type, String name, Span use) {
        String key = type + "." + name;
        Block block = def.resources.get(key);
        return block == null ? null : group(prefix + key, expansion("resource." + key, block), use);
    }

    @Override
    public Value data(String type, String name, Span use) {
        String key = type + "." + name;
        Block block = def.dataSources.get(key);
        return block == null ? null : group(prefix + "data." + key, expansion("data." + key, block), use);
    }

    /** A resource as a value: a reference, or a list/map of references for count/for_each. */
    private Value group(String address, Expansion expansion, Span use) {
        switch (expansion.mode()) {
            case COUNT: {
                List<Value> items = new ArrayList<>();
                for (int i = 0; i < expansion.instanceCount(); i++) {
                    items.add(ref(address + expansion.suffix(i), use));
                }
                return new Value.ListValue(items, use);
            }
            case FOR_EACH: {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (int i = 0; i < expansion.instanceCount(); i++) {
                    entries.put(Values.text(expansion.keys().get(i)).orElse("?"), ref(address + expansion.suffix(i),
                            use));
                }
                return new Value.MapValue(entries, use);
            }
            default:
                return ref(address, use);
        }
    }

    private Value.Ref ref(String address, Span use) {
        return new Value.Ref(new ResourceId(ctx.scopeId, address), List.of(), use);
    }

    @Override
    public Value moduleCall(String call, Span use) {
        Block block = def.moduleCalls.get(call);
        if (block == null) {
            return new Value.Unknown("module `" + call + "` is not declared", use);
        }
        Expansion expansion = expansion("module." + call, block);
        List<ModuleInstance> instances = instancesOf(call);
        if (instances.isEmpty() && expansion.mode() != Expansion.Mode.COUNT
                && expansion.mode() != Expansion.Mode.FOR_EACH) {
            return new Value.Unknown(notLocal(call, block), use);
        }
        switch (expansion.mode()) {
            case COUNT: {
                List<Value> items = new ArrayList<>();
                for (ModuleInstance child : instances) {
                    items.add(child.allOutputs(use));
                }
                return new Value.ListValue(items, use);
            }
            case FOR_EACH: {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (int i = 0; i < instances.size(); i++) {
                    entries.put(Values.text(expansion.keys().get(i)).orElse("?"), instances.get(i).allOutputs(use));
                }
                return new Value.MapValue(entries, use);
            }
            case UNKNOWN:
                return new Value.Unknown("module `" + call + "` has an unknown count/for_each", use);
            default:
                return instances.get(0).allOutputs(use);
        }
    }

    @Override
    public Value moduleOutput(String call, Value instanceKey, String output, Span use) {
        Block block = def.moduleCalls.get(call);
        if (block == null) {
            return new Value.Unknown("module `" + call + "` is not declared", use);
        }
        Expansion expansion = expansion("module." + call, block);
        List<ModuleInstance> instances = instancesOf(call);
        if (instances.isEmpty()) {
            return new Value.Unknown(expansion.mode() == Expansion.Mode.SINGLE ? notLocal(call, block)
                    : "module `" + call + "` has no instances", use);
        }
        if (expansion.mode() == Expansion.Mode.UNKNOWN) {
            return new Value.Unknown("module `" + call + "` has an unknown count/for_each", use);
        }
        if (instanceKey == null) {
            if (expansion.mode() != Expansion.Mode.SINGLE) {
                throw new EvalException(use, "module." + call + " has count/for_each: an instance key is needed");
            }
            return instances.get(0).output(output, use);
        }
        if (!instanceKey.isKnown()) {
            return new Value.Unknown("module instance key is not known", use);
        }
        String key = Values.text(instanceKey).orElse("?");
        for (int i = 0; i < expansion.keys().size(); i++) {
            if (Values.text(expansion.keys().get(i)).orElse("").equals(key)) {
                return instances.get(i).output(output, use);
            }
        }
        throw new EvalException(use, "module." + call + " has no instance " + key);
    }

    private static String notLocal(String call, Block block) {
        return "output of module `" + call + "`, whose source "
                + block.body().attribute("source").map(a -> "is not a local path").orElse("is missing")
                + ", is not known";
    }

    /** The instances of a local module call, created once; empty for remote sources and unknown directories. */
    private List<ModuleInstance> instancesOf(String call) {
        Block block = def.moduleCalls.get(call);
        Expansion expansion = expansion("module." + call, block);
        List<ModuleInstance> out = new ArrayList<>();
        for (int i = 0; i < expansion.instanceCount(); i++) {
            String childPrefix = prefix + "module." + call + expansion.suffix(i) + ".";
            ModuleInstance child = children.get(childPrefix);
            if (child == null && !children.containsKey(childPrefix)) {
                child = instantiate(block, expansion, i, childPrefix);
                children.put(childPrefix, child);
            }
            if (child != null) {
                out.add(child);
            }
        }
        return out;
    }

    private ModuleInstance instantiate(Block block, Expansion expansion, int i, String childPrefix) {
        if (depth >= LoadContext.MAX_MODULE_DEPTH) {
            return null;
        }
        Optional<Path> dir = localSource(block);
        if (dir.isEmpty()) {
            return null;
        }
        ModuleDefinition childDef = ctx.reader.module(dir.get());
        if (childDef == null) {
            return null;
        }
        Bindings bindings = expansion.bind(Bindings.EMPTY, i, block.span());
        Map<String, Supplier<Value>> childInputs = new HashMap<>();
        for (Attribute a : block.body().attributes()) {
            if (!MODULE_META_ARGUMENTS.contains(a.name())) {
                childInputs.put(a.name(), memoize(() -> evaluator.evaluate(a.value(), bindings)));
            }
        }
        return new ModuleInstance(childDef, ctx, childPrefix, childInputs, depth + 1, this, block);
    }

    /** {@code ./x} and {@code ../x} sources are local; registry, git and URL sources are not read. */
    private Optional<Path> localSource(Block block) {
        Optional<Attribute> source = block.body().attribute("source");
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Value v = new Evaluator(NoScope.INSTANCE).evaluate(source.get().value(), Bindings.EMPTY);
        if (!(v instanceof Value.Str s) || !(s.value().startsWith("./") || s.value().startsWith("../"))) {
            return Optional.empty();
        }
        return Optional.of(def.directory.resolve(s.value()).normalize());
    }

    private static Supplier<Value> memoize(Supplier<Value> s) {
        return new Supplier<>() {
            private Value value;
            private boolean computing;

            @Override
            public Value get() {
                if (value == null) {
                    if (computing) {
                        return new Value.Unknown("module input refers to itself", null);
                    }
                    computing = true;
                    value = s.get();
                    computing = false;
                }
                return value;
            }
        };
    }

    private Value output(String name, Span use) {
        Block block = def.outputs.get(name);
        if (block == null) {
            throw new EvalException(use, "module has no output \"" + name + "\"");
        }
        Optional<Attribute> value = block.body().attribute("value");
        if (value.isEmpty()) {
            return new Value.Unknown("output `" + name + "` has no value", use);
        }
        if (!outputsInProgress.add(name)) {
            return new Value.Unknown("output `" + name + "` refers to itself", use);
        }
        try {
            return evaluator.evaluate(value.get().value(), Bindings.EMPTY).at(use);
        } finally {
            outputsInProgress.remove(name);
        }
    }

    private Value allOutputs(Span use) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (String name : def.outputs.keySet()) {
            entries.put(name, output(name, use));
        }
        return new Value.MapValue(entries, use);
    }

    @Override
    public Path directory() {
        return def.directory;
    }

    @Override
    public Path rootDirectory() {
        return ctx.rootDirectory;
    }
}
