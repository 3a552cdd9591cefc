package dev.preflight.dsl.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The EKS Kubernetes release calendar, from the dated table in {@code eks-kubernetes-versions.properties}: when
 * each version leaves standard support (and is billed at the extended-support rate) and when it leaves extended
 * support. Kept in one data file, with its source, so that updating it is a one-file change.
 */
public final class EksVersions {
    private static final String RESOURCE = "/dev/preflight/rules/eks-kubernetes-versions.properties";
    /** How EKS spells a version: {@code major.minor}, no patch. */
    private static final Pattern MINOR_VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}");

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
