package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static ReportedFinding at(int line, String value) {
        return ReportedFinding.active(new Finding("rule-a", Severity.ERROR, "m", new Span("main.tf", line, 1, line, 5),
                "aws_lb.web", "subnets", value, null));
    }

    @Test
    void fingerprintIgnoresLinesButNotWhatIsWrong() {
        assertEquals(at(3, "x").fingerprint(), at(40, "x").fingerprint());
        assertNotEquals(at(3, "x").fingerprint(), at(3, "y").fingerprint());
    }

    @Test
    void baselineHidesMovedFindingsAndCountsCopies(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("b/baseline.json");
        Baseline.write(file, List.of(at(3, "x")));
        Baseline baseline = Baseline.read(file);
        // the same finding moved, plus a second copy of it and a different one: two are new
        List<ReportedFinding> fresh = baseline.newFindings(List.of(at(10, "x"), at(20, "x"), at(30, "y")));
        assertEquals(List.of(20, 30), fresh.stream().map(r -> r.finding().span().line()).toList());
    }

    @Test
    void unreadableBaselineSaysWhy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"nope\": 1}");
        IOException e = assertThrows(IOException.class, () -> Baseline.read(file));
        assertEquals("baseline " + file + " has no \"findings\" array", e.getMessage());
    }
}
