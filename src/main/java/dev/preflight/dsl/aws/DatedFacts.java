package dev.preflight.dsl.aws;

import dev.preflight.dsl.FactSource;
import java.time.LocalDate;

/**
 * AWS facts that hold from one date to another (a release calendar, a deprecation schedule), read from a dated
 * table: what every such table tells besides its rows is where it was read and when.
 *
 * <pre>{@code
 * LambdaRuntimes table = LambdaRuntimes.bundled();
 * rule("acme-runtimes").facts(table.factSource());   // explain shows table.source() and table.tableDate()
 * }</pre>
 */
public abstract class DatedFacts {
    private final DatedTable table;

    DatedFacts(DatedTable table) {
        this.table = table;
    }

    /** The date the table was read: facts AWS published later are not in it. */
    public LocalDate tableDate() {
        return table.read();
    }

    /** The AWS page the table was read from. */
    public String source() {
        return table.source();
    }

    /** The table as a rule's dated source, for {@code preflight explain}. */
    public FactSource factSource() {
        return table.factSource();
    }
}
