package dev.preflight.dsl.aws;

import dev.preflight.dsl.FactSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A table of AWS facts shipped as a properties resource: {@code table.date} (when it was read, yyyy-mm-dd),
 * {@code table.source} (the AWS page), {@code table.subject} (what it holds), and one row a key, its fields
 * separated by commas. Keeping each table in one data file, with its source, makes an update a one-file change.
 */
final class DatedTable {
    /** A field with no value: AWS has not announced the date, or it could not be confirmed. */
    static final String NONE = "-";

    private final String resource;
    private final LocalDate read;
    private final String source;
    private final String subject;
    private final Map<String, String[]> rows;

    private DatedTable(String resource, LocalDate read, String source, String subject, Map<String, String[]> rows) {
        this.resource = resource;
        this.read = read;
        this.source = source;
        this.subject = subject;
        this.rows = rows;
    }

    /** The table in the class-path resource {@code resource}. */
    static DatedTable load(String resource) {
        Properties p = new Properties();
        try (InputStream in = DatedTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> rows = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("table.")) {
                String[] fields = p.getProperty(key).split(",");
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                rows.put(key, fields);
            }
        }
        String subject = p.getProperty("table.subject", resource);
        return new DatedTable(resource, date(resource, p.getProperty("table.date")), p.getProperty("table.source"),
                subject, Map.copyOf(rows));
    }

    /**
     * A {@code yyyy-mm-dd} date of the table. Not {@code LocalDate.parse}: its formatter machinery is dozens of classes
     * initialised on every run, for a few fixed-format fields.
     */
    static LocalDate date(String resource, String iso) {
        String t = iso == null ? "" : iso.trim();
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            throw new IllegalStateException(resource + ": '" + t + "' is not a yyyy-mm-dd date");
        }
        return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)),
                Integer.parseInt(t.substring(8)));
    }

    /** The date field {@code value}, or empty for {@link #NONE}. */
    Optional<LocalDate> optionalDate(String value) {
        return NONE.equals(value) ? Optional.empty() : Optional.of(date(resource, value));
    }

    /** The date the table was read. */
    LocalDate read() {
        return read;
    }

    /** The AWS page the table was read from. */
    String source() {
        return source;
    }

    /** The table as a rule's dated source, for {@code preflight explain}. */
    FactSource factSource() {
        return new FactSource(subject, source, read);
    }

    /** Every row, by key, in key order. */
    Map<String, String[]> rows() {
        return rows;
    }
}
