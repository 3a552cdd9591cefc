package dev.preflight.dsl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The clock that rules judging dated AWS facts (deprecation schedules, support calendars) read today from: the
 * current UTC date, unless the system property {@value #PROPERTY} fixes it ({@code yyyy-mm-dd}). The tests fix it,
 * so that a fixture keeps its verdict as time passes; a user may fix it to ask what will break on a later day.
 *
 * <pre>{@code
 * LocalDate today = LocalDate.now(ScanClock.clock());
 * boolean blocked = lifecycle.createBlockedOn(today);
 * }</pre>
 */
public final class ScanClock {
    /** The system property that fixes the scan date. */
    public static final String PROPERTY = "preflight.today";

    private ScanClock() {
    }

    /** The clock of this run: fixed at the start of {@value #PROPERTY}'s day when it is set, else UTC now. */
    public static Clock clock() {
        String fixed = System.getProperty(PROPERTY);
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        LocalDate day = LocalDate.parse(fixed.trim());
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }
}
