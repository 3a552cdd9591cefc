package dev.preflight.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFileTest {

    /** Each line's start offset, in order, for text written with {@code |} for \n, {@code <} for \r. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';0",
        "abc;0",
        "a|b;0 2",
        "a|;0 2",
        "a<|b;0 3",
        "a<b;0 2",
        "a<;0 2",
        "a||b;0 2 3",
        "a<<|b;0 2 4",
        "a|<b<|c|;0 2 3 6 8",
        "<|<|;0 2 4",
    })
    void everyKindOfLineBreakStartsALine(String written, String expected) {
        SourceFile file = SourceFile.of("t", written.replace('|', '\n').replace('<', '\r'));
        StringBuilder starts = new StringBuilder();
        for (int line = 1; line <= file.lineCount(); line++) {
            starts.append(line == 1 ? "" : " ").append(file.offsetOf(line, 1));
        }
        assertEquals(expected, starts.toString());
    }
}
