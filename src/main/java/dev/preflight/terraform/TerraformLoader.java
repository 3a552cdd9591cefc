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
import java.util.function.Supplier;

/**
 * Loads the Terraform files of a scan into graph resources. A directory of {@code .tf} files is a module, the unit
 * of evaluation. Directories that another scanned directory calls as a local module are loaded through that call,
 * with the caller's arguments; the others are root modules, loaded with their tfvars and the user's values.
 */
public final class TerraformLoader {

    /**
     * @param baseDir    what displayed paths are relative to
     * @param files      the scan's {@code .tf}, {@code terraform.tfvars} and {@code *.auto.tfvars} files
     * @param variables  variable values given by the user (config file, command line), as HCL expressions' text
     */
    public LoadResult load(Path baseDir, List<SourceFile> files, Map<String, String> variables) {
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
        ModuleReader reader = new ModuleReader(byDir, p -> display(base, p));
        // parse everything first, in parallel: parsing is most of the work and files are independent
        byDir.values().parallelStream().flatMap(List::stream).forEach(reader::parse);

        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path root : roots(byDir.keySet(), reader)) {
            ModuleDefinition def = reader.module(root);
            if (def == null) {
                continue;
            }
            LoadContext ctx = new LoadContext(reader, root, display(base, root));
            try {
                Map<String, Supplier<Value>> inputs = rootInputs(varFiles.getOrDefault(root, List.of()), variables,
                        reader);
                new ModuleInstance(def, ctx, "", inputs, 0).build();
                resources.addAll(ctx.resources);
            } catch (RuntimeException | StackOverflowError e) {
                // one module that preflight cannot evaluate must not hide the findings of the others
                problems.add(new Problem(new Span(display(base, root), 1, 1, 1, 1),
                        "internal error while evaluating this module (" + e.getClass().getSimpleName()
                                + "); its resources are not checked"));
            }
        }
        problems.addAll(reader.problems());
        return new LoadResult(resources, problems);
    }

    /**
     * Directories not called by another scanned directory; and, so that nothing goes unchecked, any directory
     * only reachable through a cycle of calls.
     */
    static List<Path> roots(Set<Path> dirs, ModuleReader reader) {
        Map<Path, List<Path>> calls = new HashMap<>();
        Set<Path> called = new HashSet<>();
        for (Path dir : dirs) {
            ModuleDefinition def = reader.module(dir);
            List<Path> targets = new ArrayList<>();
            if (def != null) {
                for (Block call : def.moduleCalls.values()) {
                    call.body().attribute("source")
                            .map(a -> a.value() instanceof dev.preflight.terraform.syntax.Expression.Template t
                                    ? t.literalText() : null)
                            .filter(s -> s != null && (s.startsWith("./") || s.startsWith("../")))
                            .map(s -> dir.resolve(s).normalize())
                            .filter(t -> dirs.contains(t) && !t.equals(dir))
                            .ifPresent(targets::add);
                }
            }
            calls.put(dir, targets);
            called.addAll(targets);
        }
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

    /** A user's value is HCL ({@code ["a", "b"]}, {@code 3}); anything that does not parse is a plain string. */
    private static Value userValue(String name, String text, Evaluator constants) {
        try {
            ConfigFile f = HclParser.parse(SourceFile.of("(value of " + name + ")", "v = " + text + "\n"));
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
