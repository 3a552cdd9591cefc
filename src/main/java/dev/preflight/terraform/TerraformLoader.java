package dev.preflight.terraform;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.ConfigFile;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads the Terraform files of a scan into graph resources. A directory of {@code .tf} files is a module, the unit
 * of evaluation. Directories that another scanned directory calls as a local module are loaded through that call,
 * with the caller's arguments; the others are root modules, loaded with their tfvars and the user's values.
 */
public final class TerraformLoader {

    /**
     * What a load produced: the graph's resources and the problems met; every module call with whether its module
     * was loaded (a call of a module that {@code terraform init} has not installed stays unknown); and where findings
     * in installed module code are to be reported; and the files the configurations read besides their own
     * ({@code file()}, {@code templatefile()}): findings can point into them, so reports show and read them like
     * inputs.
     */
    public record Result(LoadResult load, List<ModuleCallStatus> moduleCalls, CallSites callSites,
                         List<SourceFile> filesRead) {
        public Result {
            moduleCalls = List.copyOf(moduleCalls);
            filesRead = List.copyOf(filesRead);
        }

        Result(LoadResult load, List<ModuleCallStatus> moduleCalls, CallSites callSites) {
            this(load, moduleCalls, callSites, List.of());
        }
    }

    /**
     * The resources of the scan's Terraform files.
     *
     * @param baseDir    what displayed paths are relative to
     * @param files      the scan's {@code .tf}, {@code terraform.tfvars} and {@code *.auto.tfvars} files
     * @param variables  variable values given by the user (config file, command line), as HCL expressions' text
     */
    public LoadResult load(Path baseDir, List<SourceFile> files, Map<String, String> variables) {
        return loadAll(baseDir, files, variables).load();
    }

    /** As {@link #load}, with the module calls' status and call sites, and the other files the configurations read. */
    public Result loadAll(Path baseDir, List<SourceFile> files, Map<String, String> variables) {
        Map<Path, List<SourceFile>> byDir = new TreeMap<>();
        Map<Path, List<SourceFile>> varFiles = new TreeMap<>();
        for (SourceFile f : files) {
            Path dir = f.path().toAbsolutePath().normalize().getParent();
            String name = f.path().getFileName().toString();
            if (ModuleReader.isConfiguration(f.path())) {
                byDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(f);
            } else if (name.endsWith(".tfvars")) {
                varFiles.computeIfAbsent(dir, k -> new ArrayList<>()).add(f);
            }
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Function<Path, String> display = p -> display(base, p);
        // A small scan (a pre-commit run) works on one thread: a thread pool costs more than it saves on a few
        // files in a cold JVM. Either way each file is parsed once while its tree fits the budget of kept trees.
        boolean parallel = !isSmall(files);
        TreeCache kept = new TreeCache(KEPT_TREES_CHARS);
        Map<Path, List<Path>> calls = localCalls(byDir, display, kept, parallel);
        List<List<Path>> components = components(roots(byDir.keySet(), calls), calls);
        List<Result> loaded = (parallel ? components.parallelStream() : components.stream())
                .map(component -> loadComponent(component, calls, byDir, base, varFiles, variables,
                        new ModuleReader(byDir, display, kept), parallel))
                .toList();
        return merge(loaded, true);
    }

    /** The results of several roots or components as one; {@code distinctProblems} when they may share modules. */
    private static Result merge(List<Result> results, boolean distinctProblems) {
        List<Resource> resources = new ArrayList<>();
        java.util.Collection<Problem> problems = distinctProblems ? new LinkedHashSet<>() : new ArrayList<>();
        List<ModuleCallStatus> moduleCalls = new ArrayList<>();
        CallSites callSites = CallSites.NONE;
        Map<String, SourceFile> read = new TreeMap<>();
        for (Result r : results) {
            resources.addAll(r.load().resources());
            // a module outside the scan, called from two components, is read by both
            problems.addAll(r.load().problems());
            moduleCalls.addAll(r.moduleCalls());
            callSites = callSites.and(r.callSites());
            r.filesRead().forEach(f -> read.putIfAbsent(f.displayPath(), f));
        }
        return new Result(new LoadResult(resources, new ArrayList<>(problems)), moduleCalls, callSites,
                new ArrayList<>(read.values()));
    }

    /**
     * Which scanned directories each scanned directory calls as a local module. The syntax trees are dropped
     * right away, but for those {@code kept} has room for: holding every tree of a monorepo until the end was most
     * of the scan's memory, and parsing every file twice a large part of its time.
     */
    private static Map<Path, List<Path>> localCalls(Map<Path, List<SourceFile>> byDir,
                                                    Function<Path, String> display, TreeCache kept,
                                                    boolean parallel) {
        Map<Path, List<Path>> calls = new ConcurrentHashMap<>();
        (parallel ? byDir.keySet().parallelStream() : byDir.keySet().stream()).forEach(dir -> {
            ModuleReader reader = new ModuleReader(Map.of(dir, byDir.get(dir)), display, null);
            ModuleDefinition def = reader.module(dir);
            reader.trees().forEach(kept::offer);
            List<Path> targets = new ArrayList<>();
            if (def != null) {
                for (Block call : def.moduleCalls.values()) {
                    call.body().attribute("source")
                            .map(a -> a.value() instanceof dev.preflight.terraform.syntax.Expression.Template t
                                    ? t.literalText() : null)
                            .filter(s -> s != null && (s.startsWith("./") || s.startsWith("../")))
                            .map(s -> dir.resolve(s).normalize())
                            .filter(t -> byDir.containsKey(t) && !t.equals(dir))
                            .ifPresent(targets::add);
                }
            }
            calls.put(dir, targets);
        });
        return calls;
    }

    /** Below this much text a scan is small: threads would cost more than they save. */
    private static final long SMALL_SCAN_CHARS = 1 << 20;
    /**
     * How much source text's syntax trees a large scan keeps between finding module calls and loading: a tree takes
     * ~11 bytes of heap per character of source, so ~140 MB at most, which keeps a 10× corpus scan under 1 GiB while
     * the whole corpus (~10 M characters of Terraform) is parsed once instead of twice.
     */
    private static final long KEPT_TREES_CHARS = 12L << 20;

    private static boolean isSmall(List<SourceFile> files) {
        long chars = 0;
        for (SourceFile f : files) {
            chars += f.text().length();
        }
        return files.size() < 64 && chars < SMALL_SCAN_CHARS;
    }

    /**
     * Roots that share a module directory load together; unrelated roots (the projects of a monorepo) form
     * separate components, each loaded with its own reader and released when done, so memory follows the largest
     * project, not the whole scan. Components keep the roots' order.
     */
    static List<List<Path>> components(List<Path> roots, Map<Path, List<Path>> calls) {
        Map<Path, Path> owner = new HashMap<>();
        Map<Path, List<Path>> byFirstRoot = new LinkedHashMap<>();
        for (Path root : roots) {
            Set<Path> reached = new HashSet<>();
            reach(root, calls, reached);
            Path joined = null;
            for (Path dir : reached) {
                Path o = owner.get(dir);
                if (o != null && joined == null) {
                    joined = o;
                } else if (o != null && !o.equals(joined)) {
                    // this root links two components: merge the later one into the first
                    List<Path> moved = byFirstRoot.remove(o);
                    byFirstRoot.get(joined).addAll(moved);
                    for (Map.Entry<Path, Path> e : owner.entrySet()) {
                        if (e.getValue().equals(o)) {
                            e.setValue(joined);
                        }
                    }
                }
            }
            Path key = joined != null ? joined : root;
            byFirstRoot.computeIfAbsent(key, k -> new ArrayList<>()).add(root);
            for (Path dir : reached) {
                owner.put(dir, key);
            }
        }
        List<List<Path>> out = new ArrayList<>();
        for (List<Path> c : byFirstRoot.values()) {
            c.sort(null);
            out.add(c);
        }
        return out;
    }

    private static Result loadComponent(List<Path> roots, Map<Path, List<Path>> calls,
                                            Map<Path, List<SourceFile>> byDir, Path base,
                                            Map<Path, List<SourceFile>> varFiles, Map<String, String> variables,
                                            ModuleReader reader, boolean parallel) {
        Set<Path> dirs = new HashSet<>();
        for (Path root : roots) {
            reach(root, calls, dirs);
        }
        // parsing is most of the work and files are independent (trees kept from finding the calls are reused)
        (parallel ? dirs.parallelStream() : dirs.stream()).flatMap(d -> byDir.getOrDefault(d, List.of()).stream())
                .forEach(reader::parse);
        List<Result> loaded = (parallel && roots.size() > 1 ? roots.parallelStream() : roots.stream())
                .map(root -> loadRoot(root, base, varFiles, variables, reader)).toList();
        Result all = merge(loaded, false);
        List<Problem> problems = new ArrayList<>(all.load().problems());
        problems.addAll(reader.problems());
        return new Result(new LoadResult(all.load().resources(), problems), all.moduleCalls(), all.callSites(),
                reader.files.files());
    }

    private static Result loadRoot(Path root, Path base, Map<Path, List<SourceFile>> varFiles,
                                   Map<String, String> variables, ModuleReader reader) {
        ModuleDefinition def = reader.module(root);
        if (def == null) {
            return new Result(new LoadResult(List.of(), List.of()), List.of(), CallSites.NONE);
        }
        LoadContext ctx = new LoadContext(reader, root, display(base, root));
        try {
            Map<String, Supplier<Value>> inputs = rootInputs(varFiles.getOrDefault(root, List.of()), variables,
                    reader);
            new ModuleInstance(def, ctx, inputs).build();
            // only a root with installed code keeps its module definitions, to place the findings made in it
            CallSites sites = ctx.sources.initialised()
                    ? CallSites.of(base, root, ctx.sources, ctx.definitions()::get) : CallSites.NONE;
            return new Result(new LoadResult(ctx.resources, List.of()), ctx.calls(), sites);
        } catch (RuntimeException | StackOverflowError e) {
            // one module that preflight cannot evaluate must not hide the findings of the others
            return new Result(new LoadResult(List.of(), List.of(new Problem(new Span(display(base, root), 1, 1, 1, 1),
                    "internal error while evaluating this module (" + e.getClass().getSimpleName()
                            + "); its resources are not checked"))), ctx.calls(), CallSites.NONE);
        }
    }

    /**
     * Directories not called by another scanned directory; and, so that nothing goes unchecked, any directory
     * only reachable through a cycle of calls.
     */
    static List<Path> roots(Set<Path> dirs, Map<Path, List<Path>> calls) {
        Set<Path> called = new HashSet<>();
        calls.values().forEach(called::addAll);
        List<Path> roots = new ArrayList<>();
        Set<Path> reached = new HashSet<>();
        for (Path dir : dirs) {
            if (!called.contains(dir)) {
                roots.add(dir);
                reach(dir, calls, reached);
            }
        }
        for (Path dir : dirs) {
            if (!reached.contains(dir)) {
                roots.add(dir);
                reach(dir, calls, reached);
            }
        }
        return roots;
    }

    private static void reach(Path dir, Map<Path, List<Path>> calls, Set<Path> reached) {
        if (reached.add(dir)) {
            for (Path t : calls.getOrDefault(dir, List.of())) {
                reach(t, calls, reached);
            }
        }
    }

    /**
     * Values for the root's variables, by Terraform's precedence: {@code terraform.tfvars}, then
     * {@code *.auto.tfvars} in lexical order, then the user's values.
     */
    private static Map<String, Supplier<Value>> rootInputs(List<SourceFile> tfvars, Map<String, String> user,
                                                           ModuleReader reader) {
        Map<String, Supplier<Value>> inputs = new LinkedHashMap<>();
        List<SourceFile> ordered = new ArrayList<>(tfvars);
        ordered.sort((a, b) -> {
            boolean aMain = a.path().getFileName().toString().equals("terraform.tfvars");
            boolean bMain = b.path().getFileName().toString().equals("terraform.tfvars");
            return aMain != bMain ? (aMain ? -1 : 1) : a.path().compareTo(b.path());
        });
        Evaluator constants = new Evaluator(NoScope.INSTANCE);
        for (SourceFile f : ordered) {
            ConfigFile parsed = reader.parse(f);
            if (parsed == null) {
                continue;
            }
            for (Attribute a : parsed.body().attributes()) {
                Value v = constants.evaluate(a.value(), Bindings.EMPTY);
                inputs.put(a.name(), () -> v);
            }
        }
        for (Map.Entry<String, String> e : user.entrySet()) {
            Value v = userValue(e.getKey(), e.getValue(), constants);
            inputs.put(e.getKey(), () -> v);
        }
        return inputs;
    }

    /** The name of the pseudo-file a user's value is parsed from: no place in the scanned source. */
    static final String USER_VALUE_FILE = "(value of ";

    /** A user's value is HCL ({@code ["a", "b"]}, {@code 3}); anything that does not parse is a plain string. */
    private static Value userValue(String name, String text, Evaluator constants) {
        try {
            ConfigFile f = HclParser.parse(SourceFile.of(USER_VALUE_FILE + name + ")", "v = " + text + "\n"));
            List<Attribute> attrs = f.body().attributes();
            if (attrs.size() == 1) {
                Value v = constants.evaluate(attrs.get(0).value(), Bindings.EMPTY);
                if (!(v instanceof Value.Unknown)) {
                    return v;
                }
            }
        } catch (HclSyntaxException | RuntimeException e) {
            // fall through: a string, as Terraform takes -var values for string variables
        }
        return new Value.Str(text, null);
    }

    private static String display(Path base, Path p) {
        return SourceFile.relativePath(base, p);
    }
}
