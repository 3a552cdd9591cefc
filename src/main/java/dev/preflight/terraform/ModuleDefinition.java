package dev.preflight.terraform;

import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one module directory, gathered from all its files: what Terraform merges before evaluating.
 * Later duplicates are ignored (Terraform rejects them; preflight keeps the first and stays quiet).
 */
final class ModuleDefinition {
    final Path directory;
    final Map<String, Block> variables = new LinkedHashMap<>();
    final Map<String, Attribute> locals = new LinkedHashMap<>();
    /** Keyed by {@code type.name}. */
    final Map<String, Block> resources = new LinkedHashMap<>();
    /** Keyed by {@code type.name}. */
    final Map<String, Block> dataSources = new LinkedHashMap<>();
    final Map<String, Block> moduleCalls = new LinkedHashMap<>();
    final Map<String, Block> outputs = new LinkedHashMap<>();
    /** Provider configurations, for the AWS provider's default_tags (see {@link ProviderDefaultTags}). */
    final List<Block> providers = new ArrayList<>();

    ModuleDefinition(Path directory, List<ConfigFile> files) {
        this.directory = directory;
        for (ConfigFile file : files) {
            for (Block block : file.body().blocks()) {
                declare(block);
            }
        }
    }

    private void declare(Block block) {
        switch (block.type()) {
            case "variable":
                putLabelled(variables, block, 1);
                break;
            case "locals":
                for (Attribute a : block.body().attributes()) {
                    locals.putIfAbsent(a.name(), a);
                }
                break;
            case "resource":
                putLabelled(resources, block, 2);
                break;
            case "data":
                putLabelled(dataSources, block, 2);
                break;
            case "module":
                putLabelled(moduleCalls, block, 1);
                break;
            case "output":
                putLabelled(outputs, block, 1);
                break;
            case "provider":
                providers.add(block);
                break;
            default:
                // terraform, moved, import, check, removed: nothing preflight evaluates
                break;
        }
    }

    private static void putLabelled(Map<String, Block> into, Block block, int labels) {
        if (block.labels().size() != labels) {
            return;
        }
        String key = labels == 1 ? block.label(0) : block.label(0) + "." + block.label(1);
        into.putIfAbsent(key, block);
    }
}
