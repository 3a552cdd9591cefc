package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the code of a module call is, for one root module: a local path is a directory of the configuration; any
 * other source is what {@code terraform init} installed, found through the root's {@link ModuleManifest} and used
 * only when the installed entry still matches the call (same source, a version the call allows, the directory
 * there), as Terraform itself insists before it plans. Otherwise the call stays unknown, with the reason.
 */
public final class ModuleSources {
    /** Where a call's code is, or why it is not known (then {@code directory} is null). */
    record Resolution(Path directory, ModuleManifest.Entry installed, ModuleCallStatus.Reason reason) {
        static Resolution unknown(ModuleCallStatus.Reason reason) {
            return new Resolution(null, null, reason);
        }
    }

    private final ModuleManifest manifest;

    /** The module sources of the root module in {@code root}, with its manifest when it was initialised. */
    public ModuleSources(Path root) {
        this.manifest = ModuleManifest.of(root.toAbsolutePath().normalize());
    }

    /** The directory of the call {@code key} written in {@code from}, when its code is at hand and current. */
    public Optional<Path> directory(String key, Block call, Path from) {
        return Optional.ofNullable(resolve(key, call, from).directory());
    }

    /** What the manifest records for the call {@code key}. */
    Optional<ModuleManifest.Entry> installedEntry(String key) {
        return manifest.entry(key);
    }

    /** The keys of the calls installed in {@code dir}. */
    List<String> installedKeys(Path dir) {
        List<String> keys = new ArrayList<>();
        for (ModuleManifest.Entry e : manifest.entries().values()) {
            if (e.directory().equals(dir)) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    /** True when {@code dir} is code that {@code terraform init} installed, not the user's. */
    public boolean isInstalled(Path dir) {
        return dir.normalize().startsWith(manifest.installedCode());
    }

    /** True when the root has a manifest: some of its module calls may be installed code. */
    boolean initialised() {
        return manifest.state() == ModuleManifest.State.READ;
    }

    /** The code of the call {@code key} (its path of call names), written in the module directory {@code from}. */
    Resolution resolve(String key, Block call, Path from) {
        Optional<String> source = literal(call.body().attribute("source"));
        if (source.isEmpty()) {
            return Resolution.unknown(ModuleCallStatus.Reason.SOURCE_NOT_LITERAL);
        }
        if (ModuleSourceAddress.isLocal(source.get())) {
            Path dir = from.resolve(source.get()).normalize();
            return Files.isDirectory(dir) ? new Resolution(dir, null, null)
                    : Resolution.unknown(ModuleCallStatus.Reason.DIRECTORY_MISSING);
        }
        switch (manifest.state()) {
            case ABSENT:
                return Resolution.unknown(ModuleCallStatus.Reason.NOT_INITIALISED);
            case UNREADABLE:
                return Resolution.unknown(ModuleCallStatus.Reason.MANIFEST_UNREADABLE);
            default:
                break;
        }
        Optional<ModuleManifest.Entry> entry = manifest.entry(key);
        if (entry.isEmpty()) {
            return Resolution.unknown(ModuleCallStatus.Reason.NOT_INSTALLED);
        }
        if (!ModuleSourceAddress.normalized(source.get()).equals(entry.get().source())) {
            return Resolution.unknown(ModuleCallStatus.Reason.SOURCE_CHANGED);
        }
        Optional<Attribute> version = call.body().attribute("version");
        if (version.isPresent()) {
            Optional<VersionConstraint> constraint = literal(version).flatMap(VersionConstraint::parse);
            if (constraint.isEmpty() || entry.get().version() == null
                    || !constraint.get().allows(entry.get().version())) {
                return Resolution.unknown(ModuleCallStatus.Reason.VERSION_CHANGED);
            }
        }
        Path dir = entry.get().directory();
        return Files.isDirectory(dir) ? new Resolution(dir, entry.get(), null)
                : Resolution.unknown(ModuleCallStatus.Reason.DIRECTORY_MISSING);
    }

    private static Optional<String> literal(Optional<Attribute> attribute) {
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        Value v = new Evaluator(NoScope.INSTANCE).evaluate(attribute.get().value(), Bindings.EMPTY);
        return v instanceof Value.Str s ? Optional.of(s.value()) : Optional.empty();
    }
}
