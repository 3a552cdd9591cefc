package dev.preflight.terraform;

import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Body;
import dev.preflight.terraform.syntax.BodyItem;
import dev.preflight.terraform.syntax.Expression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where a finding in code that {@code terraform init} installed (under {@code .terraform/modules}) is reported: at
 * the module call in the user's own code that leads to it (for a chain of calls, the last one the user wrote), and
 * at the argument of that call when the offending value came in through it. The user cannot edit the module; the
 * call is where a fix or a suppression goes.
 */
public final class CallSites {
    /** No installed code loaded: nothing to place. */
    public static final CallSites NONE = new CallSites(List.of());

    /**
     * Where to report: {@code at} in the user's code; {@code definition} where the module's resource or value is
     * written in the installed code; {@code call} the address of the user's module call ({@code module.vpc});
     * {@code installed} the source and version it was installed from.
     */
    public record Placement(Span at, Span definition, String call, String installed) {
    }

    private final List<InstalledRoot> roots;

    private CallSites(List<InstalledRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The call sites of one root module, whose modules are read through {@code definitions}. */
    static CallSites of(Path base, Path root, ModuleSources sources, Function<Path, ModuleDefinition> definitions) {
        return new CallSites(List.of(new InstalledRoot(base, root.toAbsolutePath().normalize(), sources,
                definitions)));
    }

    /**
     * The call sites of the root module in {@code root} as a plan's configuration: modules are parsed from disk when
     * a finding needs them, with paths shown by {@code display}. {@link #NONE} when the root was not initialised.
     */
    public static CallSites ofConfiguration(Path base, Path root, Function<Path, String> display) {
        ModuleSources sources = new ModuleSources(root);
        if (!sources.initialised()) {
            return NONE;
        }
        ModuleReader reader = new ModuleReader(Map.of(), display, null);
        return of(base, root, sources, reader::module);
    }

    /** These call sites and {@code other}'s. */
    public CallSites and(CallSites other) {
        if (other.roots.isEmpty()) {
            return this;
        }
        List<InstalledRoot> all = new ArrayList<>(roots);
        all.addAll(other.roots);
        return new CallSites(all);
    }

    /**
     * Where a finding at {@code span} on the resource at {@code address} (its property {@code propertyPath}, may be
     * null) is reported; empty when neither the span nor the resource is in installed code. A span in the user's
     * code (a value written by the user that kept its place through the module) stays where it is.
     */
    public Optional<Placement> place(Span span, String address, String propertyPath) {
        for (InstalledRoot root : roots) {
            Optional<Placement> p = root.place(span, address, propertyPath);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** One root module with installed code, and the module definitions read for it. */
    private static final class InstalledRoot {
        private final Path base;
        private final Path root;
        private final ModuleSources sources;
        private final Function<Path, ModuleDefinition> definitions;

        InstalledRoot(Path base, Path root, ModuleSources sources, Function<Path, ModuleDefinition> definitions) {
            this.base = base.toAbsolutePath().normalize();
            this.root = root;
            this.sources = sources;
            this.definitions = definitions;
        }

        /** One call of the chain from the root: written in {@code caller}, leading to {@code callee}. */
        private record Step(ArgumentOrigins.ModuleAt caller, Block call, ArgumentOrigins.ModuleAt callee) {
        }

        Optional<Placement> place(Span span, String address, String propertyPath) {
            Path file = base.resolve(span.file()).normalize();
            if (!file.startsWith(root)) {
                return Optional.empty();
            }
            if (!sources.isInstalled(file)) {
                return address == null ? Optional.empty() : writtenByTheUser(span, address);
            }
            List<Step> chain = address == null ? null : chain(ResourceAddress.callNames(address));
            if (chain == null || chain.isEmpty() || !chain.get(chain.size() - 1).callee().def().directory
                    .equals(file.getParent())) {
                chain = chainTo(file.getParent());
            }
            if (chain == null) {
                return Optional.empty();
            }
            int entry = firstInstalled(chain);
            if (entry == chain.size()) {
                return Optional.empty();
            }
            Block call = chain.get(entry).call();
            Span at = argument(chain, entry, span, propertyPath).orElse(call.span());
            return Optional.of(new Placement(at, span, callAddress(chain, entry),
                    installed(chain.get(entry).callee().key())));
        }

        /** A finding on a resource of installed code at a value the user wrote: the resource is the evidence. */
        private Optional<Placement> writtenByTheUser(Span span, String address) {
            List<Step> chain = chain(ResourceAddress.callNames(address));
            if (chain == null || chain.isEmpty()) {
                return Optional.empty();
            }
            int entry = firstInstalled(chain);
            ModuleDefinition def = chain.get(chain.size() - 1).callee().def();
            String local = ResourceAddress.inModule(address);
            Block block = local.startsWith("data.") ? def.dataSources.get(local.substring("data.".length()))
                    : def.resources.get(local);
            if (entry == chain.size() || block == null) {
                return Optional.empty();
            }
            return Optional.of(new Placement(span, block.span(), callAddress(chain, entry),
                    installed(chain.get(entry).callee().key())));
        }

        /** The first call of the chain whose code is installed; the chain's length when none is. */
        private int firstInstalled(List<Step> chain) {
            int entry = 0;
            while (entry < chain.size() && !sources.isInstalled(chain.get(entry).callee().def().directory)) {
                entry++;
            }
            return entry;
        }

        private static String callAddress(List<Step> chain, int entry) {
            StringBuilder callAddress = new StringBuilder();
            for (int i = 0; i <= entry; i++) {
                callAddress.append(i == 0 ? "" : ".").append("module.").append(chain.get(i).call().label(0));
            }
            return callAddress.toString();
        }

        private String installed(String key) {
            return sources.installedEntry(key).map(e -> e.source() + (e.version() == null ? "" : " " + e.version()))
                    .orElse(key);
        }

        /** The calls named {@code names}, from the root; null when one of them cannot be followed. */
        private List<Step> chain(List<String> names) {
            ModuleDefinition rootDef = definitions.apply(root);
            if (rootDef == null) {
                return null;
            }
            ArgumentOrigins.ModuleAt at = new ArgumentOrigins.ModuleAt(rootDef, "");
            List<Step> steps = new ArrayList<>();
            for (String name : names) {
                Block call = at.def().moduleCalls.get(name);
                ArgumentOrigins.ModuleAt child = call == null ? null : child(at, name);
                if (child == null) {
                    return null;
                }
                steps.add(new Step(at, call, child));
                at = child;
            }
            return steps;
        }

        /** The chain to the installed module in {@code dir}, from the manifest (the first key, when several). */
        private List<Step> chainTo(Path dir) {
            Set<String> keys = new TreeSet<>();
            sources.installedKeys(dir).forEach(keys::add);
            for (String key : keys) {
                List<Step> chain = chain(List.of(key.split("\\.")));
                if (chain != null && !chain.isEmpty()) {
                    return chain;
                }
            }
            return null;
        }

        private ArgumentOrigins.ModuleAt child(ArgumentOrigins.ModuleAt at, String call) {
            Block block = at.def().moduleCalls.get(call);
            if (block == null) {
                return null;
            }
            ModuleSources.Resolution r = sources.resolve(at.childKey(call), block, at.def().directory);
            ModuleDefinition def = r.directory() == null ? null : definitions.apply(r.directory());
            return def == null ? null : new ArgumentOrigins.ModuleAt(def, at.childKey(call));
        }

        /**
         * Where in the user's call the value at {@code span} came in: the argument it came through, and inside that
         * argument's value the entry it came from when the path leads to one ({@code image = "nginx:latest"} of a
         * {@code services} map); empty when it did not come through one argument.
         */
        private Optional<Span> argument(List<Step> chain, int entry, Span span, String propertyPath) {
            ArgumentOrigins.ModuleAt module = chain.get(chain.size() - 1).callee();
            Optional<Located> located = locate(module.def(), span);
            if (located.isEmpty()) {
                return Optional.empty();
            }
            ArgumentOrigins origins = new ArgumentOrigins(this::child);
            List<String> path = located.get().path(propertyPath);
            Optional<Set<ArgumentOrigins.VariableUse>> uses = origins.of(module, located.get().attribute().value(),
                    path, located.get().env());
            for (int i = chain.size() - 1; i > entry && uses.isPresent(); i--) {
                uses = origins.throughCall(chain.get(i).caller(), chain.get(i).call(), uses.get());
            }
            if (uses.isEmpty()) {
                return Optional.empty();
            }
            // the one place the value was written, else the one argument it came through
            Block call = chain.get(entry).call();
            Set<Span> complete = new java.util.LinkedHashSet<>();
            Set<Span> arguments = new java.util.LinkedHashSet<>();
            for (ArgumentOrigins.VariableUse use : uses.get()) {
                Optional<Attribute> argument = call.body().attribute(use.name());
                if (argument.isPresent()) {
                    arguments.add(argument.get().span());
                    UserArgument.Place place = UserArgument.entry(argument.get(), use.path());
                    if (place.complete()) {
                        complete.add(place.at());
                    }
                }
            }
            Set<Span> chosen = complete.size() == 1 ? complete : arguments;
            return chosen.size() == 1 ? Optional.of(chosen.iterator().next()) : Optional.empty();
        }
    }

    /** The attribute whose value holds a span, with the names bound there and whether it is the resource's own. */
    private record Located(Attribute attribute, boolean topLevel, ArgumentOrigins.Env env) {
        /** The path inside the attribute's value that a finding's property path names. */
        List<String> path(String propertyPath) {
            List<String> steps = steps(propertyPath);
            if (!topLevel || steps.isEmpty()
                    || !dev.preflight.graph.PropertyNames.canonical(steps.get(0))
                    .equals(dev.preflight.graph.PropertyNames.canonical(attribute.name()))) {
                return List.of();
            }
            return steps.subList(1, steps.size());
        }
    }

    /** The attribute of a resource or data block of {@code def} whose value holds {@code span}. */
    private static Optional<Located> locate(ModuleDefinition def, Span span) {
        for (Map<String, Block> blocks : List.of(def.resources, def.dataSources)) {
            for (Block b : blocks.values()) {
                if (contains(b.span(), span)) {
                    return Optional.ofNullable(locate(b.body(), span, ArgumentOrigins.Env.EMPTY.withEach(b), true));
                }
            }
        }
        return Optional.empty();
    }

    private static Located locate(Body body, Span span, ArgumentOrigins.Env env, boolean top) {
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a && contains(a.value().span(), span)) {
                return new Located(a, top, env);
            }
            if (item instanceof Block b && contains(b.span(), span)) {
                ArgumentOrigins.Env inner = env;
                if (b.type().equals("dynamic") && b.labels().size() == 1) {
                    Optional<Attribute> forEach = b.body().attribute("for_each");
                    String iterator = b.body().attribute("iterator")
                            .map(a -> a.value() instanceof Expression.Variable v ? v.name() : null)
                            .orElse(b.label(0));
                    if (forEach.isPresent() && iterator != null) {
                        inner = env.bind(new ArgumentOrigins.Binding(iterator, forEach.get().value(),
                                List.of(ArgumentOrigins.ANY), env, true));
                    }
                }
                return locate(b.body(), span, inner, false);
            }
        }
        return null;
    }

    private static boolean contains(Span outer, Span inner) {
        return outer.file().equals(inner.file())
                && (outer.line() < inner.line() || outer.line() == inner.line() && outer.column() <= inner.column())
                && (outer.endLine() > inner.endLine()
                || outer.endLine() == inner.endLine() && outer.endColumn() >= inner.endColumn());
    }

    /** {@code container_definitions[0].image} as {@code [container_definitions, 0, image]}. */
    static List<String> steps(String propertyPath) {
        List<String> out = new ArrayList<>();
        if (propertyPath == null) {
            return out;
        }
        for (String part : propertyPath.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                out.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    break;
                }
                out.add(part.substring(bracket + 1, close).replace("\"", ""));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }
}
