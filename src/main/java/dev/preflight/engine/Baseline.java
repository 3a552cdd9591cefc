package dev.preflight.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team has accepted for now, so that a gate can be turned on in a repository that is not clean yet
 * and still catch every new finding. Keyed by {@link Fingerprint} (no line numbers), with a count per fingerprint,
 * so that moving code keeps old findings hidden while a second copy of the same mistake is still new.
 */
public final class Baseline {
    private static final int FORMAT_VERSION = 1;

    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** Reads a baseline written by {@link #write}; an IOException names what is wrong with it. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new IOException("baseline " + file + " has no \"findings\" array");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode f : findings) {
            JsonNode fp = f.get("fingerprint");
            if (fp == null || !fp.isTextual()) {
                throw new IOException("baseline " + file + " has an entry without a \"fingerprint\"");
            }
            counts.merge(fp.asText(), 1, Integer::sum);
        }
        return new Baseline(counts);
    }

    /**
     * Writes the active findings (not suppressed, not parse, input or rule errors, which are never accepted) in a
     * stable order, with enough context for a reviewer to read the file.
     */
    public static void write(Path file, List<ReportedFinding> findings) throws IOException {
        List<ReportedFinding> kept = new ArrayList<>();
        for (ReportedFinding f : findings) {
            String id = f.finding().ruleId();
            if (!f.suppressed() && !id.equals(Scanner.PARSE_ERROR) && !id.equals(Scanner.INPUT_ERROR)
                    && !id.equals(RuleRunner.RULE_ERROR)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparing((ReportedFinding f) -> f.finding().span().file())
                .thenComparing(f -> f.finding().ruleId()).thenComparing(ReportedFinding::fingerprint));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", FORMAT_VERSION);
            g.writeArrayFieldStart("findings");
            for (ReportedFinding f : kept) {
                g.writeStartObject();
                g.writeStringField("fingerprint", f.fingerprint());
                g.writeStringField("ruleId", f.finding().ruleId());
                g.writeStringField("file", f.finding().span().file());
                g.writeStringField("resource", f.finding().resource());
                g.writeStringField("message", f.finding().message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** How many findings the baseline accepts. */
    public int size() {
        int n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        return n;
    }

    /** The findings that are not in the baseline, in their order; each baseline entry hides one finding. */
    public List<ReportedFinding> newFindings(List<ReportedFinding> findings) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<ReportedFinding> out = new ArrayList<>();
        for (ReportedFinding f : findings) {
            Integer n = left.get(f.fingerprint());
            if (!f.suppressed() && n != null && n > 0) {
                left.put(f.fingerprint(), n - 1);
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
