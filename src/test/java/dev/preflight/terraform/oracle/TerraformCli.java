package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Terraform CLI, run offline against the provider mirror: the provider is installed once and linked into
 * every fixture's work directory, and no registry is ever asked (see {@code tools/terraform/cli.tfrc}).
 */
final class TerraformCli {
    /** Where the work directories, plugin cache and cached provider schema live. */
    static final Path WORK = Path.of("target", "terraform-oracle").toAbsolutePath();
    private static final Path TOOLS = Path.of("tools", "terraform").toAbsolutePath();
    private static final String PROVIDER_DIR = "registry.terraform.io/hashicorp/aws";
    private static final long TIMEOUT_SECONDS = 300;

    /** What a command printed, and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** Terraform's diagnostics, without colour codes, for failure messages. */
        String diagnostics() {
            return (stderr.isBlank() ? stdout : stderr).replaceAll("\u001B\\[[0-9;]*m", "").strip();
        }
    }

    private final Path executable;
    private final Path mirror;
    /** Terraform's version, the provider mirror's files and the provider block, worked out once. */
    private String toolchain;
    private Optional<TerraformOutcomeCache> cache;

    private TerraformCli(Path executable, Path mirror) {
        this.executable = executable;
        this.mirror = mirror;
    }

    /**
     * The CLI when Terraform and the mirror are installed. Otherwise the calling test is skipped, saying why; with
     * {@code CI=true} it fails instead, since CI machines must have them.
     */
    static TerraformCli require() {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing.get() + " (CI=true: the oracle tests must run)");
            }
            assumeTrue(false, missing.get() + "; skipped (set CI=true to make this a failure)");
        }
        return new TerraformCli(executable().orElseThrow(), mirrorPath());
    }

    private static Optional<String> missing() {
        if (executable().isEmpty()) {
            return Optional.of("terraform CLI not found (PREFLIGHT_TERRAFORM, /usr/local/bin or PATH)");
        }
        if (!Files.isDirectory(mirrorPath().resolve(PROVIDER_DIR))) {
            return Optional.of("no hashicorp/aws provider in the mirror " + mirrorPath()
                    + " (PREFLIGHT_TF_MIRROR)");
        }
        if (!Files.isRegularFile(TOOLS.resolve("provider.tf"))) {
            return Optional.of("tools/terraform/provider.tf not found (run from the project root)");
        }
        return Optional.empty();
    }

    private static Optional<Path> executable() {
        String configured = System.getenv("PREFLIGHT_TERRAFORM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/local/bin/terraform")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "terraform"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Path mirrorPath() {
        return Path.of(System.getenv().getOrDefault("PREFLIGHT_TF_MIRROR", "/opt/tf-plugins"));
    }

    /** The provider block, with the STS endpoint at {@code sts} (a local stand-in). */
    static String providerOverride(String sts) {
        String block = providerOverride();
        int end = block.lastIndexOf('}');
        return block.substring(0, end) + "  endpoints {\n    sts = \"" + sts + "\"\n  }\n" + block.substring(end);
    }

    /** The provider block that lets a copy of a fixture plan offline. */
    static String providerOverride() {
        try {
            return Files.readString(TOOLS.resolve("provider.tf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code dir} ready to plan without a full {@code terraform init} per fixture: the provider is linked
     * from one initialization shared by all, with its lock file; local modules are installed by
     * {@code terraform get}, which needs no provider, unless the modules were laid out already (a fixture calling
     * registry modules, whose manifest {@code terraform get} would otherwise try to refresh from the registry).
     */
    Outcome prepare(Path dir) {
        try {
            Path seed = seed();
            Files.createDirectories(dir.resolve(".terraform"));
            Files.createSymbolicLink(dir.resolve(".terraform/providers"), seed.resolve(".terraform/providers"));
            Files.copy(seed.resolve(".terraform.lock.hcl"), dir.resolve(".terraform.lock.hcl"));
            boolean callsModules;
            try (var files = Files.list(dir)) {
                callsModules = files.filter(p -> p.toString().endsWith(".tf"))
                        .anyMatch(p -> read(p).contains("module \""));
            }
            boolean installed = Files.exists(dir.resolve(".terraform/modules/modules.json"));
            return callsModules && !installed ? run(dir, "get", "-no-color") : new Outcome(0, "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What Terraform's answers about a fixture depend on besides the fixture: Terraform's version, the provider
     * mirror's files, the provider block and the CLI configuration. Part of the outcome cache's keys.
     */
    synchronized String toolchain() {
        if (toolchain == null) {
            Outcome version = run(WORK, "version", "-json");
            if (!version.ok()) {
                throw new IllegalStateException("terraform version failed: " + version.diagnostics());
            }
            try {
                toolchain = version.stdout().strip() + "\n"
                        + TerraformOutcomeCache.listing(mirror.resolve(PROVIDER_DIR)) + providerOverride()
                        + Files.readString(TOOLS.resolve("cli.tfrc"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return toolchain;
    }

    /** The outcomes of earlier builds (see {@link TerraformOutcomeCache}), unless turned off. */
    synchronized Optional<TerraformOutcomeCache> cache() {
        if (cache == null) {
            cache = TerraformOutcomeCache.open(toolchain());
        }
        return cache;
    }

    /** A directory initialized with the provider, for commands that need one but no fixture (the schema). */
    Path initializedDirectory() {
        try {
            return seed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one directory where {@code terraform init} installs the provider from the mirror, made once; a file lock
     * keeps the two test JVMs from initializing it at the same time.
     */
    private synchronized Path seed() throws IOException {
        Path seed = WORK.resolve("provider-seed");
        Files.createDirectories(WORK);
        try (FileChannel channel = FileChannel.open(WORK.resolve("provider-seed.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = TerraformOutcomeCache.pollFor(channel)) {
            if (Files.exists(seed.resolve(".terraform.lock.hcl"))
                    && Files.isDirectory(seed.resolve(".terraform/providers"))) {
                return seed;
            }
            Files.createDirectories(seed);
            Files.writeString(seed.resolve("provider.tf"), providerOverride());
            Outcome init = run(seed, "init", "-input=false", "-backend=false", "-no-color");
            if (!init.ok()) {
                throw new IllegalStateException("terraform init with the provider mirror failed: "
                        + init.diagnostics());
            }
            return seed;
        }
    }

    /**
     * This test JVM's own directory for fixture copies, named after its process: Surefire runs two JVMs, which must
     * not delete each other's copies while a test reads them. Those of JVMs that have ended are removed.
     */
    static synchronized Path workDirectory() {
        if (workDirectory == null) {
            long pid = ProcessHandle.current().pid();
            try (var dirs = Files.list(WORK)) {
                for (Path d : dirs.toList()) {
                    String name = d.getFileName().toString();
                    if (name.startsWith("work-") && ofAnEndedProcess(name.substring(5))) {
                        deleteTree(d);
                    }
                }
            } catch (IOException e) {
                // nothing to remove yet
            }
            workDirectory = WORK.resolve("work-" + pid);
        }
        return workDirectory;
    }

    private static Path workDirectory;

    /** Whether {@code pid} names a process that is not running (any other text counts as one). */
    private static boolean ofAnEndedProcess(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs {@code terraform args...} in {@code dir}. */
    Outcome run(Path dir, String... args) {
        try {
            Files.createDirectories(WORK);
            Path out = Files.createTempFile(WORK, "out", ".txt");
            Path err = Files.createTempFile(WORK, "err", ".txt");
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(-1, "", "terraform " + String.join(" ", args) + " timed out");
            }
            Outcome o = new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void environment(Map<String, String> env) throws IOException {
        env.put("TF_CLI_CONFIG_FILE", cliConfig().toString());
        // no plugin cache: concurrent inits race on it; the provider is installed once (see seed())
        env.remove("TF_PLUGIN_CACHE_DIR");
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        // variables of the developer's shell must not leak into the fixtures' plans
        env.keySet().removeIf(k -> k.startsWith("TF_VAR_") || k.startsWith("AWS_"));
    }

    /** tools/terraform/cli.tfrc, with the mirror path of this machine. */
    private Path cliConfig() throws IOException {
        Path config = WORK.resolve("cli.tfrc");
        String text = Files.readString(TOOLS.resolve("cli.tfrc")).replace("/opt/tf-plugins", mirror.toString());
        synchronized (TerraformCli.class) {
            if (!Files.exists(config) || !Files.readString(config).equals(text)) {
                // written aside and moved, so that the other test JVM never reads half of it
                Path tmp = Files.createTempFile(WORK, "cli", ".tfrc");
                Files.writeString(tmp, text);
                Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return config;
    }
}
