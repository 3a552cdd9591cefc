package dev.preflight.dsl.aws;

import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The RDS and Aurora major-version calendar, from the dated table in {@code rds-engine-versions.properties}: which
 * major versions RDS no longer offers, and when the others leave standard support (and are billed for RDS Extended
 * Support) and leave Extended Support.
 *
 * <pre>{@code
 * LocalDate today = LocalDate.now(ScanClock.clock());
 * RdsEngineVersions.bundled().ofDatabase(database, graph)
 *         .filter(w -> w.support().on(today) == RdsEngineVersions.Status.EXTENDED_SUPPORT)
 *         .ifPresent(w -> events.violated(database, w.support().label() + " is billed for Extended Support",
 *                 w.version().span(), "engine_version", w.support().major()));
 * }</pre>
 */
public final class RdsEngineVersions extends DatedFacts {
    private static final String RESOURCE = "/dev/preflight/rules/rds-engine-versions.properties";
    private static final String RETIRED = "retired";

    /** Where a major version stands on a given day. */
    public enum Status {
        /** In standard support: created and run at the instance price. */
        STANDARD,
        /** Past standard support: still created, billed per vCPU-hour for RDS Extended Support. */
        EXTENDED_SUPPORT,
        /** No longer offered: creating a DB on it fails. */
        NOT_OFFERED
    }

    /** The support window of one engine's major version; a retired version has no dates. */
    public record Support(String engine, String major, Optional<LocalDate> endOfStandard,
                          Optional<LocalDate> endOfExtended) {
        /** Where the version stands on {@code day}. */
        public Status on(LocalDate day) {
            if (endOfStandard.isEmpty() || endOfExtended.filter(day::isAfter).isPresent()) {
                return Status.NOT_OFFERED;
            }
            return day.isAfter(endOfStandard.get()) ? Status.EXTENDED_SUPPORT : Status.STANDARD;
        }

        /** Whether {@code day} is in the third year of Extended Support, billed at twice the rate of the first two. */
        public boolean inThirdYearOn(LocalDate day) {
            return endOfStandard.filter(end -> day.isAfter(end.plusYears(2))).isPresent();
        }

        /** "MySQL 5.7", "Aurora PostgreSQL 11", for messages. */
        public String label() {
            return EngineNames.label(engine) + " " + major;
        }
    }

    private final Map<String, Support> versions;

    private RdsEngineVersions(DatedTable table, Map<String, Support> versions) {
        super(table);
        this.versions = versions;
    }

    /** The table shipped with preflight. */
    public static RdsEngineVersions bundled() {
        return Bundled.TABLE;
    }

    /** Read once, on first use: two rules judge by the table, and a pre-commit run pays for each read. */
    private static final class Bundled {
        static final RdsEngineVersions TABLE = load();
    }

    private static RdsEngineVersions load() {
        DatedTable table = DatedTable.load(RESOURCE);
        Map<String, Support> versions = new TreeMap<>();
        table.rows().forEach((key, dates) -> {
            int slash = key.indexOf('/');
            String engine = key.substring(0, slash);
            String major = key.substring(slash + 1);
            versions.put(key, RETIRED.equals(dates[0])
                    ? new Support(engine, major, Optional.empty(), Optional.empty())
                    : new Support(engine, major, table.optionalDate(dates[0]), table.optionalDate(dates[1])));
        });
        return new RdsEngineVersions(table, Map.copyOf(versions));
    }

    /** The support window of {@code engine} at {@code engineVersion} ("mysql", "5.7.44"), when the table has it. */
    public Optional<Support> of(String engine, String engineVersion) {
        String e = engine.trim().toLowerCase(java.util.Locale.ROOT);
        return majorVersion(e, engineVersion.trim()).map(major -> versions.get(e + "/" + major));
    }

    /**
     * The engine and version a DB instance or cluster is written with, resolved through variables and parameters,
     * with their support window: empty when either is absent or not known before apply, when the version is not in
     * the table, and for a DB instance of an Aurora cluster (the cluster's version is its version).
     */
    public Optional<Written> ofDatabase(Resource database, ResourceGraph graph) {
        Optional<Value> version = database.property("engine_version");
        Optional<String> engine = database.property("engine").flatMap(v -> Values.resolvedString(v, graph));
        if (database.isDataSource() || version.isEmpty() || engine.isEmpty()
                || Values.isSet(database.property("db_cluster_identifier")) != Truth.FALSE) {
            return Optional.empty();
        }
        return Values.resolvedString(version.get(), graph).flatMap(v -> of(engine.get(), v))
                .map(support -> new Written(support, version.get(), lifecycleSupport(database, graph)));
    }

    /** A database's version as written (its span is where a finding points), its support, and its lifecycle setting. */
    public record Written(Support support, Value version, Optional<String> lifecycleSupport) {
        /** Whether RDS Extended Support is turned off for the database, so that RDS refuses versions past standard. */
        public boolean extendedSupportDisabled() {
            return lifecycleSupport.filter(EXTENDED_SUPPORT_DISABLED::equals).isPresent();
        }
    }

    /** The EngineLifecycleSupport value that turns RDS Extended Support off. */
    public static final String EXTENDED_SUPPORT_DISABLED = "open-source-rds-extended-support-disabled";

    /** The written lifecycle setting; an unknown one counts as the default (Extended Support on). */
    /**
     * Whether RDS Extended Support is on for {@code database}: TRUE when {@code engine_lifecycle_support} is not
     * written (AWS's default turns it on) or names it, FALSE when it turns it off, UNKNOWN when its value is not
     * known before apply.
     */
    public static Truth extendedSupportEnabled(Resource database, ResourceGraph graph) {
        Optional<Value> written = database.property("engine_lifecycle_support");
        if (Values.isSet(written) == Truth.FALSE) {
            return Truth.TRUE;
        }
        return Values.resolvedString(written.get(), graph).map(t -> Truth.of(!t.equals(EXTENDED_SUPPORT_DISABLED)))
                .orElse(Truth.UNKNOWN);
    }

    private static Optional<String> lifecycleSupport(Resource database, ResourceGraph graph) {
        return database.property("engine_lifecycle_support").flatMap(v -> Values.resolvedString(v, graph));
    }

    /**
     * The major version of an engine version as RDS counts it: the first two numbers for MySQL, MariaDB and Aurora
     * MySQL ("5.7.mysql_aurora.2.11.2" is 5.7), the first for PostgreSQL from 10 on ("13.7" is 13, "9.6.24" is 9.6).
     */
    static Optional<String> majorVersion(String engine, String version) {
        String[] parts = version.split("\\.");
        if (parts.length == 0 || !parts[0].matches("\\d+")) {
            return Optional.empty();
        }
        boolean postgres = engine.contains("postgres");
        if (postgres && Integer.parseInt(parts[0]) >= 10) {
            return Optional.of(parts[0]);
        }
        return parts.length >= 2 && parts[1].matches("\\d+") ? Optional.of(parts[0] + "." + parts[1])
                : Optional.empty();
    }




    /** How the engines are called in AWS's own pages. */
    private static final class EngineNames {
        private static final Map<String, String> LABELS = Map.of("mysql", "MySQL", "postgres", "PostgreSQL",
                "mariadb", "MariaDB", "aurora", "Aurora MySQL (5.6-compatible)", "aurora-mysql", "Aurora MySQL",
                "aurora-postgresql", "Aurora PostgreSQL");

        static String label(String engine) {
            return LABELS.getOrDefault(engine, engine);
        }
    }
}
