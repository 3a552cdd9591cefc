package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Terraform said about each fixture, kept between builds: a fixture's init, validate, plan and show outcomes
 * depend only on its files, Terraform's version, the provider in the mirror and the provider block added to it, so
 * they are stored under a hash of exactly those, and a fixture whose hash is known is not put through Terraform
 * again. Outside {@code target/}, so that {@code mvn clean} keeps it: planning every fixture takes minutes, almost
 * all of it the AWS provider starting.
 *
 * <p>Where: {@code PREFLIGHT_TERRAFORM_CACHE} (or the system property {@code preflight.terraform.cache}), else
 * {@code ${XDG_CACHE_HOME:-~/.cache}/preflight/terraform-outcomes}; {@code off} disables it. Entries unused for 30
 * days are removed. An outcome that is not Terraform's answer (a timeout) is never stored.
 */
final class TerraformOutcomeCache {
    /** Changes when what is stored, or how a fixture is run ({@link FixtureRun}), changes. */
    private static final String FORMAT = "preflight-terraform-outcome/1: get; plan -refresh=false; validate if the "
            + "plan failed; show -json";
    private static final Duration UNUSED = Duration.ofDays(30);
    /** Terraform's words for a work directory that was not ready, which says nothing about the fixture. */
    private static final Pattern ENVIRONMENT = Pattern.compile("Missing required provider|Inconsistent dependency "
            + "lock file|Required plugins are not installed|Failed to (install|query) provider|text file busy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    /** Terraform's version, the provider mirror's files and the provider block: part of every key. */
    private final String toolchain;

    TerraformOutcomeCache(Path dir, String toolchain) {
        this.dir = dir;
        this.toolchain = toolchain;
    }

    /** The cache for {@code cli}'s Terraform and provider, or empty when it is turned off or cannot be made. */
    static Optional<TerraformOutcomeCache> open(String toolchain) {
        Optional<Path> dir = location();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir.get());
            pruneUnused(dir.get());
            return Optional.of(new TerraformOutcomeCache(dir.get(), toolchain));
        } catch (IOException e) {
            System.err.println("terraform outcome cache not used: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The configured directory; empty when turned off. */
    static Optional<Path> location() {
        String configured = System.getProperty("preflight.terraform.cache", "");
        if (configured.isBlank()) {
            configured = System.getenv().getOrDefault("PREFLIGHT_TERRAFORM_CACHE", "");
        }
        if (configured.equals("off")) {
            return Optional.empty();
        }
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        String xdg = System.getenv().getOrDefault("XDG_CACHE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return Optional.of(base.resolve("preflight").resolve("terraform-outcomes"));
    }

    /** What Terraform said about a fixture: each step's outcome (null when it did not run) and the plan JSON. */
    record Stored(TerraformCli.Outcome init, TerraformCli.Outcome validate, TerraformCli.Outcome plan,
                  String planJson) {
    }

    /** The stored outcomes of {@code fixture} as its files are now, if Terraform saw exactly these before. */
    Optional<Stored> get(Path fixture) {
        Path entry = entry(fixture);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(entry.toFile());
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return Optional.of(new Stored(outcome(node.get("init")), outcome(node.get("validate")),
                    outcome(node.get("plan")), node.path("planJson").isTextual() ? node.get("planJson").asText()
                    : null));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is made again
        }
    }

    /**
     * Stores the outcomes of {@code fixture}, unless one of them is not Terraform's answer about the fixture but
     * about the machine: a timeout, or a provider that was missing from the work directory.
     */
    void put(Path fixture, Stored stored) {
        for (TerraformCli.Outcome o : new TerraformCli.Outcome[] {stored.init(), stored.validate(), stored.plan()}) {
            if (o != null && (o.exitCode() < 0 || o.exitCode() != 0 && ENVIRONMENT.matcher(o.stderr()).find())) {
                return;
            }
        }
        ObjectNode node = JSON.createObjectNode();
        node.set("init", json(stored.init()));
        node.set("validate", json(stored.validate()));
        node.set("plan", json(stored.plan()));
        if (stored.planJson() != null) {
            node.put("planJson", stored.planJson());
        }
        Path entry = entry(fixture);
        try {
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            JSON.writeValue(tmp.toFile(), node);
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("terraform outcome cache: cannot store " + fixture + ": " + e.getMessage());
        }
    }

    /**
     * Runs {@code work} holding a lock on {@code fixture}'s entry, so that two test JVMs (Surefire runs two) that
     * need the same fixture put it through Terraform once: the second waits, then finds the first one's outcome.
     * The lock is polled for, not waited on: the kernel's deadlock check sees a process, not a thread, so a JVM
     * holding one fixture's lock on one thread and waiting for another's on a second looked like a deadlock with
     * the other JVM doing the opposite (it is none: no thread ever holds two).
     */
    <T> T locked(Path fixture, Supplier<T> work) {
        Path lock = dir.resolve(entry(fixture).getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = pollFor(channel)) {
            return work.get();
        } catch (OverlappingFileLockException e) {
            return work.get(); // this JVM holds it already (two fixtures with the same files): no other JVM waits
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The channel's lock, polled for rather than waited on (see {@link #locked}). */
    static FileLock pollFor(FileChannel channel) throws IOException {
        try {
            FileLock held;
            while ((held = channel.tryLock()) == null) {
                Thread.sleep(250);
            }
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a lock", e);
        }
    }

    /** Where a file that only depends on the toolchain (the provider's schema) is kept. */
    Path toolchainFile(String name) {
        return dir.resolve(name + "-" + hash(toolchain).substring(0, 16) + ".json");
    }

    private Path entry(Path fixture) {
        return dir.resolve(hash(FORMAT + "\n" + toolchain + "\n" + contentOf(fixture)) + ".json");
    }

    /** Every file of the fixture (its local modules are inside it), by relative path, with its bytes' hash. */
    private static String contentOf(Path fixture) {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = fixture.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".terraform")) {
                    s.append(rel).append('\0').append(hash(Files.readAllBytes(p))).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** The provider mirror's files and sizes: a new provider version or build changes the listing. */
    static String listing(Path dir) {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                s.append(dir.relativize(p)).append(' ').append(Files.size(p)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void pruneUnused(Path dir) throws IOException {
        Instant cutoff = Instant.now().minus(UNUSED);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static JsonNode json(TerraformCli.Outcome o) {
        if (o == null) {
            return JSON.nullNode();
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("exitCode", o.exitCode());
        n.put("stdout", o.stdout());
        n.put("stderr", o.stderr());
        return n;
    }

    private static TerraformCli.Outcome outcome(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new TerraformCli.Outcome(n.get("exitCode").asInt(), n.get("stdout").asText(),
                n.get("stderr").asText());
    }

    static String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
