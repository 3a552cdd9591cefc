package dev.preflight.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code terraform init} installed for a root module: {@code .terraform/modules/modules.json}, one entry per
 * module call of the whole tree, keyed by the path of call names ({@code vpc}, {@code ecs.service}), with the
 * source and version it was installed from and its directory relative to the root. The file is read, never
 * written, and nothing is ever downloaded.
 */
final class ModuleManifest {
    static final String FILE = ".terraform/modules/modules.json";

    /** One installed module call. {@code version} is null for sources that have none (git, local). */
    record Entry(String key, String source, String version, Path directory) {
    }

    /** Whether the root was initialised, and if so what the manifest holds. */
    enum State { ABSENT, UNREADABLE, READ }

    private final Path root;
    private final State state;
    private final Map<String, Entry> entries;

    private ModuleManifest(Path root, State state, Map<String, Entry> entries) {
        this.root = root;
        this.state = state;
        this.entries = entries;
    }

    /** The manifest of the root module in {@code root}; {@link State#ABSENT} when there is none. */
    static ModuleManifest of(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ModuleManifest(root, State.ABSENT, Map.of());
        }
        try {
            // made here, not in a static field: a root without the file (every pre-commit run that has not
            // initialised) must not pay for building an ObjectMapper in a cold JVM
            JsonNode doc = new ObjectMapper().readTree(file.toFile());
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (JsonNode m : doc.path("Modules")) {
                String key = m.path("Key").asText("");
                String dir = m.path("Dir").asText("");
                if (key.isEmpty() || dir.isEmpty()) {
                    continue; // the root module's own entry
                }
                String version = m.path("Version").isTextual() ? m.path("Version").asText() : null;
                entries.put(key, new Entry(key, m.path("Source").asText(""), version,
                        root.resolve(dir).normalize()));
            }
            return new ModuleManifest(root, doc.path("Modules").isArray() ? State.READ : State.UNREADABLE, entries);
        } catch (IOException | RuntimeException e) {
            return new ModuleManifest(root, State.UNREADABLE, Map.of());
        }
    }

    State state() {
        return state;
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The directory that holds installed code: everything under it is not the user's to edit. */
    Path installedCode() {
        return root.resolve(".terraform").normalize();
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
