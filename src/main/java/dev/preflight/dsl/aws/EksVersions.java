package dev.preflight.dsl.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The EKS Kubernetes release calendar, from the dated table in {@code eks-kubernetes-versions.properties}: when
 * each version leaves standard support (and is billed at the extended-support rate) and when it leaves extended
 * support. Kept in one data file, with its source, so that updating it is a one-file change.
 *
 * <pre>{@code
 * Optional<EksVersions.Support> support = EksVersions.bundled().of("1.27");
 * }</pre>
 */
public final class EksVersions {
    private static final String RESOURCE = "/dev/preflight/rules/eks-kubernetes-versions.properties";

    /** The support window of one version. */
    public record Support(String version, LocalDate endOfStandard, LocalDate endOfExtended) {
    }

    private final LocalDate tableDate;
    private final String source;
    private final Map<String, Support> versions;

    private EksVersions(LocalDate tableDate, String source, Map<String, Support> versions) {
        this.tableDate = tableDate;
        this.source = source;
        this.versions = versions;
    }

    /** The table shipped with preflight. */
    public static EksVersions bundled() {
        Properties p = new Properties();
        try (InputStream in = EksVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Support> versions = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("table.")) {
                continue;
            }
            String[] dates = p.getProperty(key).split(",");
            versions.put(key, new Support(key, date(dates[0]), date(dates[1])));
        }
        return new EksVersions(date(p.getProperty("table.date")), p.getProperty("table.source"),
                Map.copyOf(versions));
    }

    /**
     * A {@code yyyy-mm-dd} date of the table. Not {@code LocalDate.parse}: its formatter machinery is dozens of classes
     * initialised on every run, for three fixed-format fields.
     */
    private static LocalDate date(String iso) {
        String t = iso.trim();
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            throw new IllegalStateException(RESOURCE + ": '" + t + "' is not a yyyy-mm-dd date");
        }
        return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)),
                Integer.parseInt(t.substring(8)));
    }

    /** The date of the table: versions released after it are not in it. */
    public LocalDate tableDate() {
        return tableDate;
    }

    /** Where the table comes from. */
    public String source() {
        return source;
    }

    /** The support window of {@code version} ("1.29"), when the table has it. */
    public Optional<Support> of(String version) {
        return Optional.ofNullable(versions.get(version.trim()));
    }
}
