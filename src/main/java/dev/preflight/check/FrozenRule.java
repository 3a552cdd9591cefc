package dev.preflight.check;

import dev.preflight.dsl.ForwardingRule;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.Baseline;
import dev.preflight.engine.ReportedFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A rule frozen against the violations it has today, as ArchUnit's {@code FreezingArchRule}: a check fails only on
 * violations that are not recorded, so a policy can be turned on in a repository that does not meet it yet. The
 * record is a preflight baseline file ({@code preflight scan --baseline} reads it too), one per rule, keyed by
 * fingerprints that ignore line numbers: moving code keeps old violations frozen, a second copy of the same mistake
 * is new. Violations that are fixed leave the record, so they cannot come back unnoticed.
 *
 * <pre>{@code
 * @PreflightTest
 * static final Rule ownerTags = FrozenRule.freeze(new ServiceOwnerTag());       // preflight-frozen/<id>.json
 *
 * FrozenRule.freeze(rule).storedIn(Path.of("src/test/resources/frozen")).check(infrastructure);
 * }</pre>
 *
 * The record must exist: a check with no record fails and says how to make one, since a gate that records whatever
 * it finds on its first run would pass anything. Record (or re-record) with the system property
 * {@code preflight.freeze.refreeze=true} (e.g. {@code mvn test -Dpreflight.freeze.refreeze=true}), or allow a
 * missing record to be made with {@code preflight.freeze.allowStoreCreation=true} or {@link #allowingStoreCreation}.
 * The default directory is {@code preflight-frozen} in the working directory, or the property
 * {@code preflight.freeze.store}.
 */
public final class FrozenRule extends ForwardingRule {
    /** Where records go unless {@link #storedIn} says otherwise. */
    public static final String STORE_PROPERTY = "preflight.freeze.store";
    /** Set to {@code true} to record today's violations anew. */
    public static final String REFREEZE_PROPERTY = "preflight.freeze.refreeze";
    /** Set to {@code true} to let a check with no record make one. */
    public static final String ALLOW_CREATION_PROPERTY = "preflight.freeze.allowStoreCreation";

    private final Path store;
    private final boolean allowCreation;

    private FrozenRule(Rule rule, Path store, boolean allowCreation) {
        super(rule);
        this.store = store;
        this.allowCreation = allowCreation;
    }

    /** {@code rule}, failing only on violations not recorded in its store. */
    public static FrozenRule freeze(Rule rule) {
        return new FrozenRule(rule, Path.of(System.getProperty(STORE_PROPERTY, "preflight-frozen")), false);
    }

    /** The same frozen rule with its record in {@code directory} ({@code <rule-id>.json}). */
    public FrozenRule storedIn(Path directory) {
        return new FrozenRule(delegate(), directory, allowCreation);
    }

    /** The same frozen rule, which records today's violations when it has no record yet. */
    public FrozenRule allowingStoreCreation() {
        return new FrozenRule(delegate(), store, true);
    }

    /** The file the violations are recorded in. */
    public Path storeFile() {
        return store.resolve(delegate().info().id() + ".json");
    }

    // check(graph) forwards: the rule's findings unfrozen, since freezing is about tests (a scan has a baseline)

    /** The violations not recorded; records what is needed (a new record, or fewer violations) on the way. */
    @Override
    public List<Finding> evaluate(Infrastructure infrastructure) {
        List<ReportedFinding> now = new ArrayList<>();
        for (Finding f : delegate().evaluate(infrastructure)) {
            now.add(ReportedFinding.active(f));
        }
        Path file = storeFile();
        boolean refreeze = Boolean.getBoolean(REFREEZE_PROPERTY);
        if (refreeze || !Files.exists(file)) {
            if (!refreeze && !allowCreation && !Boolean.getBoolean(ALLOW_CREATION_PROPERTY)) {
                throw new AssertionError("Rule '" + delegate().info().id() + "' is frozen, but has no record of its "
                        + "violations at " + file + ": record today's with -D" + REFREEZE_PROPERTY + "=true (and "
                        + "commit the file), or allow records to be made with -D" + ALLOW_CREATION_PROPERTY + "=true");
            }
            write(file, now);
            return List.of();
        }
        Baseline recorded = read(file);
        List<ReportedFinding> fresh = recorded.newFindings(now);
        Set<ReportedFinding> isFresh = Collections.newSetFromMap(new IdentityHashMap<>());
        isFresh.addAll(fresh);
        List<ReportedFinding> stillThere = new ArrayList<>();
        for (ReportedFinding f : now) {
            if (!isFresh.contains(f)) {
                stillThere.add(f);
            }
        }
        if (stillThere.size() < recorded.size()) {
            write(file, stillThere); // fixed violations leave the record, so they cannot come back unnoticed
        }
        List<Finding> out = new ArrayList<>();
        for (ReportedFinding f : fresh) {
            out.add(f.finding());
        }
        return out;
    }

    private static Baseline read(Path file) {
        try {
            return Baseline.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<ReportedFinding> findings) {
        try {
            Baseline.write(file, findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "frozen " + delegate().info().id();
    }
}
