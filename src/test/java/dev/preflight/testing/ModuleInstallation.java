package dev.preflight.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.ConfigFile;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lays out a fixture as {@code terraform init} leaves it, without a network: the fixture's files copied into a
 * work directory, and for each registry module call ({@code terraform-aws-modules/NAME/aws}) the module's release
 * from {@code ../shared/modules} (or, for modules only there, its newer copy from {@code ../shared/corpus}) copied
 * into {@code .terraform/modules/KEY}, with {@code .terraform/modules/modules.json} listing every call of the tree
 * (nested keys such as {@code ecs.service}, local sources of installed modules included). The shared folders are
 * read-only data: nothing of them is ever copied into the project.
 */
public final class ModuleInstallation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRY = "registry.terraform.io/";

    private ModuleInstallation() {
    }

    /** {@code ../shared/modules}: releases that plan with the offline provider. */
    public static Path sharedModules() {
        return Path.of(System.getProperty("preflight.modules", "../shared/modules"));
    }

    /** {@code ../shared/corpus}: newer releases, for source scans only. */
    public static Path sharedCorpus() {
        return Path.of(System.getProperty("preflight.corpus", "../shared/corpus"));
    }

    /** True when the shared module releases are on this machine. */
    public static boolean available() {
        return Files.isDirectory(sharedModules());
    }

    /** True when a {@code .tf} file of {@code fixture} (not of its subdirectories) calls a registry module. */
    public static boolean callsRegistryModules(Path fixture) {
        for (Block call : calls(fixture)) {
            if (source(call).map(ModuleInstallation::isRegistry).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** Copies {@code fixture} (without any {@code .terraform}) into {@code work} and installs its modules there. */
    public static void install(Path fixture, Path work) {
        copyTree(fixture, work);
        ArrayNode modules = JSON.createArrayNode();
        modules.addObject().put("Key", "").put("Source", "").put("Dir", ".");
        installCalls(work, work, "", modules);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.set("Modules", modules);
        try {
            Files.createDirectories(work.resolve(".terraform/modules"));
            Files.writeString(work.resolve(".terraform/modules/modules.json"), JSON.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records (and for registry sources installs) every call of the module in {@code dir}, and theirs. */
    private static void installCalls(Path root, Path dir, String parentKey, ArrayNode modules) {
        for (Block call : calls(dir)) {
            Optional<String> source = source(call);
            if (source.isEmpty()) {
                continue;
            }
            String key = parentKey.isEmpty() ? call.label(0) : parentKey + "." + call.label(0);
            Path moduleDir;
            ObjectNode entry = modules.addObject().put("Key", key);
            if (source.get().startsWith("./") || source.get().startsWith("../")) {
                moduleDir = dir.resolve(source.get()).normalize();
                entry.put("Source", source.get());
            } else if (isRegistry(source.get())) {
                String[] parts = source.get().split("//", 2);
                Optional<Release> release = release(parts[0]);
                if (release.isEmpty()) {
                    modules.remove(modules.size() - 1); // not at hand: left uninstalled
                    continue;
                }
                Path packageDir = root.resolve(".terraform/modules").resolve(key);
                copyTree(release.get().dir(), packageDir);
                moduleDir = parts.length > 1 ? packageDir.resolve(parts[1]).normalize() : packageDir;
                entry.put("Source", REGISTRY + source.get());
                if (release.get().version() != null) {
                    entry.put("Version", release.get().version());
                }
            } else {
                modules.remove(modules.size() - 1);
                continue;
            }
            String rel = root.relativize(moduleDir).toString().replace('\\', '/');
            entry.put("Dir", rel.isEmpty() ? "." : rel);
            installCalls(root, moduleDir, key, modules);
        }
    }

    /** A module release at hand: its folder, and its version when known. */
    private record Release(Path dir, String version) {
    }

    /** {@code terraform-aws-modules/NAME/aws}: the release in shared/modules, else the corpus copy (no version). */
    private static Optional<Release> release(String address) {
        String[] p = address.split("/");
        if (p.length != 3 || !p[0].equals("terraform-aws-modules")) {
            return Optional.empty();
        }
        String prefix = "terraform-aws-" + p[1] + "-";
        try (Stream<Path> dirs = Files.list(sharedModules())) {
            Optional<Path> dir = dirs.filter(d -> d.getFileName().toString().startsWith(prefix)
                    && Character.isDigit(d.getFileName().toString().charAt(prefix.length()))).findFirst();
            if (dir.isPresent()) {
                return Optional.of(new Release(dir.get(),
                        dir.get().getFileName().toString().substring(prefix.length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path corpus = sharedCorpus().resolve("terraform/terraform-aws-modules+terraform-aws-" + p[1]);
        return Files.isDirectory(corpus) ? Optional.of(new Release(corpus, null)) : Optional.empty();
    }

    private static boolean isRegistry(String source) {
        return !source.startsWith("./") && !source.startsWith("../") && source.split("//", 2)[0].split("/").length == 3
                && !source.contains(":");
    }

    private static List<Block> calls(Path dir) {
        List<Block> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                ConfigFile parsed = HclParser.parse(SourceFile.of(f.toString(), Files.readString(f)));
                for (Block b : parsed.body().blocks("module")) {
                    if (b.labels().size() == 1) {
                        out.add(b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HclSyntaxException e) {
            throw new IllegalStateException("a module of the layout does not parse: " + e.getMessage(), e);
        }
        return out;
    }

    private static Optional<String> source(Block call) {
        return call.body().attribute("source").map(Attribute::value)
                .map(v -> v instanceof Expression.Template t ? t.literalText() : null);
    }

    /** Copies a directory tree, leaving out {@code .terraform} and {@code examples}, {@code tests}, {@code wrappers}. */
    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = from.relativize(p);
                if (skipped(rel)) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.equals(".terraform") || n.equals(".terraform.lock.hcl") || n.equals("examples") || n.equals("tests")
                    || n.equals("wrappers")) {
                return true;
            }
        }
        return false;
    }
}
