package dev.preflight.engine;

import java.util.List;

/**
 * How many module calls a scan loaded, and how many it left unknown, by reason: what was not checked, so that a
 * clean report of a root whose modules were never installed is not mistaken for a clean configuration. Information
 * only: it never changes the exit code.
 */
public record ModuleCoverage(int loaded, List<NotChecked> notChecked) {
    /** No module calls at all. */
    public static final ModuleCoverage NONE = new ModuleCoverage(0, List.of());

    /** Calls left unknown for one reason: its stable {@code id} (as in JSON), a few words, and how many. */
    public record NotChecked(String id, String text, int count) {
    }

    public ModuleCoverage {
        notChecked = List.copyOf(notChecked);
    }

    /** The number of calls left unknown, whatever the reason. */
    public int notCheckedTotal() {
        int n = 0;
        for (NotChecked c : notChecked) {
            n += c.count();
        }
        return n;
    }
}
