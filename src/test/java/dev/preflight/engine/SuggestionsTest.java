package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> OPTIONS = List.of("fail-on", "format", "output", "rule", "skip-rule",
            "skip-unrecognized", "exclude", "threads");

    @Test
    void typosTranspositionsAndMissingPartsFindTheName() {
        assertEquals(Optional.of("fail-on"), Suggestions.closest("fial-on", OPTIONS));
        assertEquals(Optional.of("exclude"), Suggestions.closest("exlude", OPTIONS));
        assertEquals(Optional.of("skip-unrecognized"), Suggestions.closest("skip-unrecognised", OPTIONS));
        assertEquals(Optional.of("alb-subnets-single-az"),
                Suggestions.closest("alb-subnets-single", List.of("alb-subnets-single-az", "vpc-id-malformed")));
    }

    @Test
    void nothingFarOffAndNothingForAnExactName() {
        assertEquals(Optional.empty(), Suggestions.closest("colour-scheme", OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("x", OPTIONS));
        assertEquals(Optional.empty(), Suggestions.closest("format", OPTIONS));
        assertEquals("", Suggestions.didYouMean("zzz", OPTIONS));
        assertEquals(" (did you mean 'threads'?)", Suggestions.didYouMean("thraeds", OPTIONS));
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertEquals(1, Suggestions.distance("ab", "ba"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("same", "same"));
    }
}
