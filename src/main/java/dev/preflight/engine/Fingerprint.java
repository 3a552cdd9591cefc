package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity that survives edits around it: rule id, file, resource address, property path and value, but
 * never a line or column, nor why a part of the value is unknown (that is wording, and may change). The baseline
 * keys on it and SARIF's {@code partialFingerprints} carries it, so GitHub code scanning tracks an alert across
 * commits that move lines.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The fingerprint of {@code finding}: 32 hex digits. */
    public static String of(Finding finding) {
        StringBuilder key = new StringBuilder()
                .append(finding.ruleId()).append('\0')
                .append(finding.span().file()).append('\0')
                .append(nullToEmpty(finding.resource())).append('\0')
                .append(nullToEmpty(finding.propertyPath())).append('\0')
                .append(Values.withoutUnknownReasons(nullToEmpty(finding.value())));
        if (finding.resource() == null && finding.propertyPath() == null) {
            // a finding about a whole file has nothing else to tell it apart from its neighbours
            key.append('\0').append(finding.message());
        }
        return HexFormat.of().formatHex(sha256(key.toString())).substring(0, 32);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
