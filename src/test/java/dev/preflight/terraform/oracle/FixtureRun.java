package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import dev.preflight.testing.ModuleInstallation;

/**
 * One fixture put through Terraform in a copy of its directory (with the offline provider block added): the
 * provider linked from one shared initialization (and local modules installed), then plan and show; validate only
 * when the plan fails, since a plan validates the configuration first. Each step's outcome is kept, so the
 * validity and differential tests share one run, and stored in the {@link TerraformOutcomeCache}, so that the next
 * build does not run Terraform again on files it has seen.
 */
final class FixtureRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The override file's name sorts last, and says where it comes from. */
    static final String PROVIDER_FILE = "zz_preflight_provider_override.tf";

    final Path fixture;
    final Path work;
    final TerraformCli.Outcome init;
    final TerraformCli.Outcome validate;
    final TerraformCli.Outcome plan;
    /** The plan JSON, or null when the fixture did not plan offline. */
    final JsonNode planJson;
    /** The plan JSON as Terraform wrote it, or null. */
    private final String planText;

    private FixtureRun(Path fixture, Path work, TerraformCli.Outcome init, TerraformCli.Outcome validate,
                       TerraformCli.Outcome plan, JsonNode planJson, String planText) {
        this.fixture = fixture;
        this.work = work;
        this.init = init;
        this.validate = validate;
        this.plan = plan;
        this.planJson = planJson;
        this.planText = planText;
    }

    /**
     * Runs {@code fixture} through Terraform, or takes what Terraform said about the same files before from the
     * outcome cache; either way the work directory holds a copy of the fixture and, when it planned, plan.json.
     */
    static FixtureRun of(TerraformCli cli, Path fixture) {
        Path work = TerraformCli.workDirectory().resolve(fixture.toString().replace('/', '_'));
        copy(fixture, work);
        Optional<TerraformOutcomeCache> cache = cli.cache();
        if (cache.isEmpty()) {
            return run(cli, fixture, work);
        }
        TerraformOutcomeCache c = cache.get();
        return c.locked(fixture, () -> {
            Optional<TerraformOutcomeCache.Stored> stored = c.get(fixture);
            if (stored.isPresent()) {
                return from(fixture, work, stored.get());
            }
            FixtureRun run = run(cli, fixture, work);
            c.put(fixture, new TerraformOutcomeCache.Stored(run.init, run.validate, run.plan, run.planText));
            return run;
        });
    }

    private static FixtureRun from(Path fixture, Path work, TerraformCli.Outcome init, TerraformCli.Outcome validate,
                                   TerraformCli.Outcome plan, String planText) {
        try {
            if (planText == null) {
                return new FixtureRun(fixture, work, init, validate, plan, null, null);
            }
            Files.writeString(work.resolve("plan.json"), planText);
            return new FixtureRun(fixture, work, init, validate, plan, JSON.readTree(planText), planText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FixtureRun from(Path fixture, Path work, TerraformOutcomeCache.Stored stored) {
        return from(fixture, work, stored.init(), stored.validate(), stored.plan(), stored.planJson());
    }

    private static FixtureRun run(TerraformCli cli, Path fixture, Path work) {
        TerraformCli.Outcome init = cli.prepare(work);
        if (!init.ok()) {
            return from(fixture, work, init, null, null, null);
        }
        TerraformCli.Outcome plan = cli.run(work, "plan", "-refresh=false", "-input=false", "-lock=false",
                "-no-color", "-out=plan.bin");
        if (!plan.ok()) {
            TerraformCli.Outcome validate = cli.run(work, "validate", "-no-color");
            return from(fixture, work, init, validate, plan, null);
        }
        // the plan succeeded, so the configuration is valid: terraform validate would say nothing more
        TerraformCli.Outcome validate = plan;
        TerraformCli.Outcome show = cli.run(work, "show", "-json", "-no-color", "plan.bin");
        if (!show.ok()) {
            return from(fixture, work, init, validate, show, null);
        }
        return from(fixture, work, init, validate, plan, show.stdout());
    }

    /** Why the fixture is not valid Terraform, or null when it is. */
    String invalidity() {
        if (!init.ok()) {
            return "terraform get (or the provider link) failed: " + init.diagnostics();
        }
        return validate.ok() ? null : validate.diagnostics();
    }

    /** Why the fixture did not plan offline, or null when it did. */
    String planFailure() {
        if (planJson != null) {
            return null;
        }
        String invalid = invalidity();
        return invalid != null ? invalid : plan.diagnostics();
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(to);
            if (ModuleInstallation.callsRegistryModules(from)) {
                // registry modules are laid out as terraform init installs them; two of them read the caller's
                // identity while planning, which a stand-in for STS answers
                ModuleInstallation.install(from, to);
                Files.writeString(to.resolve(PROVIDER_FILE), TerraformCli.providerOverride(StsStandIn.endpoint()));
                return;
            }
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path rel = from.relativize(p);
                    if (rel.toString().startsWith(".terraform")) {
                        continue;
                    }
                    Path target = to.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(to.resolve(PROVIDER_FILE), TerraformCli.providerOverride());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
