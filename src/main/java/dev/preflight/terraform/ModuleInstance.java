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
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One instance of a module: the root module, or a module call (one per count/for_each key) whose code is a local
 * directory or was installed by {@code terraform init}. It answers what names mean inside the module
 * ({@link Scope}) and builds the module's resources, then its children's.
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
    /** The call's path of names in the root's module manifest: "" for the root, {@code ecs.service}. */
    private final String key;
    /** The call in the user's code that leads here, when this instance's code was installed; else null. */
    private final Span userCall;
    private final Evaluator evaluator;
    private final Map<String, Value> locals = new HashMap<>();
    private final Set<String> localsInProgress = new HashSet<>();
    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, Expansion> expansions = new HashMap<>();
    private final Map<String, ModuleInstance> children = new LinkedHashMap<>();
    private final Set<String> outputsInProgress = new HashSet<>();
    private ModuleFiles files;
    /** Data sources whose attributes preflight computes (policy documents), by address. */
    private final Map<String, Value> computedData = new HashMap<>();
    private final Set<String> computedDataInProgress = new HashSet<>();
    private final Map<String, ModuleSources.Resolution> sources = new HashMap<>();
    private final ProviderDefaultTags providerTags;

    /** The root module's instance. */
    ModuleInstance(ModuleDefinition def, LoadContext ctx, Map<String, Supplier<Value>> inputs) {
        this(def, ctx, "", inputs, 0, "", null, null, null);
    }

    /** An instance called by {@code caller} through the module block {@code call} (both null for a root module). */
    private ModuleInstance(ModuleDefinition def, LoadContext ctx, String prefix, Map<String, Supplier<Value>> inputs,
                           int depth, String key, Span userCall, ModuleInstance caller, Block call) {
        this.def = def;
        this.ctx = ctx;
        this.prefix = prefix;
        this.inputs = inputs;
        this.depth = depth;
        this.key = key;
        this.userCall = userCall;
        this.evaluator = new Evaluator(this);
        ctx.loaded(def);
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
            ModuleSources.Resolution where = source(call);
            ctx.record(new ModuleCallStatus(childKey(call), userCall != null ? userCall
                    : def.moduleCalls.get(call).span(), where.reason()));
            for (ModuleInstance child : instancesOf(call)) {
                child.build();
            }
        }
    }

    private String childKey(String call) {
        return key.isEmpty() ? call : key + "." + call;
    }

    /** Where the code of {@code call} is, resolved once for all its instances. */
    private ModuleSources.Resolution source(String call) {
        ModuleSources.Resolution r = sources.get(call);
        if (r == null) {
            r = depth >= LoadContext.MAX_MODULE_DEPTH
                    ? ModuleSources.Resolution.unknown(ModuleCallStatus.Reason.TOO_DEEP)
                    : ctx.sources.resolve(childKey(call), def.moduleCalls.get(call), def.directory);
            if (r.directory() != null && ctx.reader.module(r.directory()) == null) {
                r = ModuleSources.Resolution.unknown(ModuleCallStatus.Reason.DIRECTORY_MISSING);
            }
            sources.put(call, r);
        }
        return r;
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
        return v.via(use, variableNote(name, v));
    }

    /** How the place a variable's value comes from is named in evidence. */
    private String variableNote(String name, Value v) {
        if (!inputs.containsKey(name)) {
            return "default of var." + name;
        }
        if (!prefix.isEmpty()) {
            return "argument " + name + " of " + moduleAddress();
        }
        Block decl = def.variables.get(name);
        // compared by hand: a record's equals is bound through invokedynamic on its first call, a start-up cost
        Span at = v.span();
        boolean given = decl != null && at != null && at.line() == decl.span().line()
                && at.column() == decl.span().column() && at.endColumn() == at.column()
                && at.file().equals(decl.span().file());
        return given ? "var." + name + ", given on the command line or in the config file" : "var." + name;
    }

    /** {@code module.net} for a called module's instance; the root module has no address. */
    private String moduleAddress() {
        return prefix.isEmpty() ? "the root module" : prefix.substring(0, prefix.length() - 1);
    }

    private Value resolveVariable(String name, Span use) {
        Block decl = def.variables.get(name);
        Supplier<Value> given = inputs.get(name);
        if (given != null) {
            Value v = given.get();
            // Terraform replaces a null input by the default unless the variable is nullable (the default)
            if (!(v instanceof Value.Null) || decl == null || !nonNullable(decl)) {
                return givenAt(decl, VariableTypes.convert(decl, v));
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

    /**
     * A value given on the command line or in the config file is written in no scanned file: it is placed at the
     * variable's declaration, the one place in the source that names it.
     */
    private static Value givenAt(Block decl, Value v) {
        if (decl == null || v.span() != null && !v.span().file().startsWith(TerraformLoader.USER_VALUE_FILE)) {
            return v;
        }
        return v.withPlace(decl.span().start(), null);
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
            return v.via(use, "local." + name);
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
        return v.via(use, "local." + name);
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
        if (block == null) {
            return null;
        }
        String address = prefix + "data." + key;
        Expansion expansion = expansion("data." + key, block);
        if (!PolicyDocumentData.TYPE.equals(type)) {
            return group(address, expansion, use);
        }
        // computed from its arguments, as the provider does at plan time: a value, not a reference
        if (expansion.mode() == Expansion.Mode.UNKNOWN) {
            return new Value.Unknown("data." + key + " has a count/for_each that is not known", use);
        }
        return group(address, expansion, use, i -> policyDocument(address + expansion.suffix(i), block,
                expansion.bind(Bindings.EMPTY, i, block.span())));
    }

    /** The attributes of one instance of a policy document data source, computed once. */
    private Value policyDocument(String address, Block block, Bindings bindings) {
        Value known = computedData.get(address);
        if (known != null) {
            return known;
        }
        if (!computedDataInProgress.add(address)) {
            return new Value.Unknown(address + " refers to itself", block.span());
        }
        try {
            Value.MapValue arguments = new ResourceBuilder(evaluator, ctx).arguments(block, bindings);
            Value v = PolicyDocumentData.attributes(arguments, block.span());
            computedData.put(address, v);
            return v;
        } finally {
            computedDataInProgress.remove(address);
        }
    }

    /** A resource as a value: a reference, or a list/map of references for count/for_each. */
    private Value group(String address, Expansion expansion, Span use) {
        return group(address, expansion, use, i -> ref(address + expansion.suffix(i), use));
    }

    /** A resource as a value made of its instances' values: one, or a list/map of them for count/for_each. */
    private Value group(String address, Expansion expansion, Span use, IntFunction<Value> instance) {
        switch (expansion.mode()) {
            case COUNT: {
                List<Value> items = new ArrayList<>();
                for (int i = 0; i < expansion.instanceCount(); i++) {
                    items.add(instance.apply(i));
                }
                return new Value.ListValue(items, use);
            }
            case FOR_EACH: {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (int i = 0; i < expansion.instanceCount(); i++) {
                    entries.put(Values.text(expansion.keys().get(i)).orElse("?"), instance.apply(i));
                }
                return new Value.MapValue(entries, use);
            }
            case SINGLE:
                ctx.singleInstances.add(address);
                return instance.apply(0);
            default:
                return instance.apply(0);
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
            return new Value.Unknown(notLoaded(call), use);
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
            return new Value.Unknown(expansion.mode() == Expansion.Mode.SINGLE ? notLoaded(call)
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

    private String notLoaded(String call) {
        ModuleSources.Resolution r = source(call);
        return "output of module `" + call + "` is not known: "
                + (r.reason() != null ? r.reason().text() : "its module is not loaded");
    }

    /** The instances of a module call, created once; empty when its code is not known. */
    private List<ModuleInstance> instancesOf(String call) {
        Block block = def.moduleCalls.get(call);
        Expansion expansion = expansion("module." + call, block);
        List<ModuleInstance> out = new ArrayList<>();
        for (int i = 0; i < expansion.instanceCount(); i++) {
            String childPrefix = prefix + "module." + call + expansion.suffix(i) + ".";
            ModuleInstance child = children.get(childPrefix);
            if (child == null && !children.containsKey(childPrefix)) {
                child = instantiate(call, block, expansion, i, childPrefix);
                children.put(childPrefix, child);
            }
            if (child != null) {
                out.add(child);
            }
        }
        return out;
    }

    private ModuleInstance instantiate(String call, Block block, Expansion expansion, int i, String childPrefix) {
        Path dir = source(call).directory();
        if (dir == null) {
            return null;
        }
        ModuleDefinition childDef = ctx.reader.module(dir);
        Bindings bindings = expansion.bind(Bindings.EMPTY, i, block.span());
        Map<String, Supplier<Value>> childInputs = new HashMap<>();
        for (Attribute a : block.body().attributes()) {
            if (!MODULE_META_ARGUMENTS.contains(a.name())) {
                childInputs.put(a.name(), memoize(() -> evaluator.evaluate(a.value(), bindings)));
            }
        }
        // code installed by terraform init is reported at the call in the user's code that leads to it
        Span childUserCall = userCall != null ? userCall : ctx.sources.isInstalled(dir) ? block.span() : null;
        return new ModuleInstance(childDef, ctx, childPrefix, childInputs, depth + 1, childKey(call), childUserCall,
                this, block);
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
            return evaluator.evaluate(value.get().value(), Bindings.EMPTY)
                    .via(use, "output " + name + " of " + moduleAddress());
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
    public ModuleFiles files() {
        if (files == null) {
            files = new ModuleFiles(ctx.reader.files, ctx.origins, def.directory, ctx.rootDirectory, false);
        }
        return files;
    }

    @Override
    public boolean isSingleInstance(ResourceId resource) {
        return resource.scope().equals(ctx.scopeId) && ctx.singleInstances.contains(resource.address());
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
