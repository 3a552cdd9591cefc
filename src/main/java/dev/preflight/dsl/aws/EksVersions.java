package dev.preflight.dsl.aws;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The EKS Kubernetes release calendar, from the dated table in {@code eks-kubernetes-versions.properties}: when
 * each version leaves standard support (and is billed at the extended-support rate) and when it leaves extended
 * support. Kept in one data file, with its source, so that updating it is a one-file change.
 */
public final class EksVersions extends DatedFacts {
    private static final String RESOURCE = "/dev/preflight/rules/eks-kubernetes-versions.properties";

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
}
