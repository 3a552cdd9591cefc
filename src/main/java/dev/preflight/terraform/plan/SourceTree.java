package dev.preflight.terraform.plan;

import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.terraform.ModuleSources;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.ConfigFile;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code .tf} files of the configuration a plan was made from, found beside the plan, through local module
 * sources and through the modules {@code terraform init} installed, parsed with preflight's own HCL parser. Whatever
 * cannot be found or parsed simply has no positions.
 */
final class SourceTree {
    private final Path rootDirectory;
    private final Function<Path, String> display;
    private final Map<List<String>, ModuleSource> modules = new HashMap<>();
    private final Map<Path, SourceFile> filesRead = new LinkedHashMap<>();
    private final ModuleSources installed;

    SourceTree(Path rootDirectory, Function<Path, String> display) {
        this.rootDirectory = rootDirectory;
        this.display = display;
        this.installed = new ModuleSources(rootDirectory);
    }

    /** The module reached through the calls {@code calls} (empty: the root), or {@link ModuleSource#NONE}. */
    ModuleSource module(List<String> calls) {
        ModuleSource cached = modules.get(calls);
        if (cached != null) {
            return cached;
        }
        ModuleSource result;
        if (calls.isEmpty()) {
            result = read(rootDirectory);
        } else {
            ModuleSource parent = module(calls.subList(0, calls.size() - 1));
            Block call = parent.moduleCalls.get(calls.get(calls.size() - 1));
            result = call == null || parent.directory == null ? ModuleSource.NONE
                    : installed.directory(String.join(".", calls), call, parent.directory).map(this::read)
                    .orElse(ModuleSource.NONE);
        }
        modules.put(List.copyOf(calls), result);
        return result;
    }

    /**
     * Every configuration file of the user's read so far, so that reports can show their lines; not installed
     * modules' files, which are not scanned from source either (their findings are reported at the user's calls).
     */
    List<SourceFile> filesRead() {
        List<SourceFile> out = new ArrayList<>();
        filesRead.forEach((path, file) -> {
            if (file != null && !installed.isInstalled(path)) {
                out.add(file);
            }
        });
        return out;
    }

    private ModuleSource read(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return ModuleSource.NONE;
        }
        List<SourceFile> files = new ArrayList<>();
        List<ConfigFile> parsed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.tf")) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            for (Path p : sorted) {
                SourceFile f = filesRead.computeIfAbsent(p.toAbsolutePath().normalize(), this::readFile);
                if (f == null) {
                    continue;
                }
                files.add(f);
                try {
                    parsed.add(HclParser.parse(f));
                } catch (HclSyntaxException | RuntimeException e) {
                    // a file that does not parse gives no positions; the plan's values are still checked
                }
            }
        } catch (IOException e) {
            return ModuleSource.NONE;
        }
        return new ModuleSource(dir, files, parsed);
    }

    private SourceFile readFile(Path p) {
        try {
            return SourceReader.read(p, display.apply(p));
        } catch (IOException e) {
            return null;
        }
    }
}
