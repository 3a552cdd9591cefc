package dev.preflight.dsl.aws;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The EKS Kubernetes release calendar, from the dated table in {@code eks-kubernetes-versions.properties}: when
 * each version leaves standard support (and is billed at the extended-support rate) and when it leaves extended
 * support. Kept in one data file, with its source, so that updating it is a one-file change.
 *
 * <pre>{@code
 * Optional<EksVersions.Support> support = EksVersions.bundled().of("1.27");
 * }</pre>
 */
public final class EksVersions extends DatedFacts {
    private static final String RESOURCE = "/dev/preflight/rules/eks-kubernetes-versions.properties";
    /** How EKS spells a version: {@code major.minor}, no patch. */
    private static final Pattern MINOR_VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}");

    /** The support window of one version. */
    public record Support(String version, LocalDate endOfStandard, LocalDate endOfExtended) {
    }

    private final Map<String, Support> versions;

    private EksVersions(DatedTable table, Map<String, Support> versions) {
        super(table);
        this.versions = versions;
    }

    /** The table shipped with preflight. */
    public static EksVersions bundled() {
        return Bundled.TABLE;
    }

    /** Read once, on first use: two rules judge by the table, and a pre-commit run pays for each read. */
    private static final class Bundled {
        static final EksVersions TABLE = load();
    }

    private static EksVersions load() {
        DatedTable table = DatedTable.load(RESOURCE);
        Map<String, Support> versions = new TreeMap<>();
        table.rows().forEach((version, dates) -> versions.put(version, new Support(version,
                DatedTable.date(RESOURCE, dates[0]), DatedTable.date(RESOURCE, dates[1]))));
        return new EksVersions(table, Map.copyOf(versions));
    }




    /** The support window of {@code version} ("1.29"), when the table has it. */
    public Optional<Support> of(String version) {
        return Optional.ofNullable(versions.get(version.trim()));
    }

    /** The oldest version of the table: its first row. */
    public Support oldest() {
        return versions.values().stream().min((a, b) -> compare(a.version(), b.version())).orElseThrow();
    }

    /**
     * Whether {@code version} is a Kubernetes minor version ({@code major.minor}) older than every version of the
     * table. Versions are released in order, so such a version left extended support no later than the oldest row.
     */
    public boolean precedesTable(String version) {
        return MINOR_VERSION.matcher(version.trim()).matches() && compare(version.trim(), oldest().version()) < 0;
    }

    /** Compares {@code major.minor} versions as numbers: 1.9 is older than 1.23. */
    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
