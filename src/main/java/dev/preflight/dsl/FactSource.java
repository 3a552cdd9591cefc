package dev.preflight.dsl;

import java.time.LocalDate;

/**
 * A dated table of AWS facts a rule judges by (a release calendar, a deprecation schedule): what it is, where it was
 * read and when. Shown by {@code preflight explain} so that a user can see how fresh the facts are.
 *
 * <pre>{@code
 * rule("acme-runtime-calendar")
 *         .facts(new FactSource("Acme runtime calendar", "https://example.com/calendar", LocalDate.of(2026, 6, 1)))
 * }</pre>
 *
 * @param subject what the table holds, e.g. "Lambda runtime deprecation schedule"
 * @param url     the AWS page the table was read from
 * @param read    the date it was read
 */
public record FactSource(String subject, String url, LocalDate read) {
}
