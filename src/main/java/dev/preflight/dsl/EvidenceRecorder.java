package dev.preflight.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a condition used while it checked one resource: the resources its {@link Traversal}s reached and the
 * attributes it read through references ({@link Values#resolve}). A violation reported without evidence of its own
 * gets these, so a user's rule written only with traversals and value reads explains its findings too. One list
 * per thread (rules run side by side); outside a check nothing is recorded and recording costs one lookup. Most
 * checks find nothing, so what is recorded is a recipe: messages are built only for a violation.
 */
final class EvidenceRecorder {
    /** A check that reads more than this is explained by its first places; reports cap them further. */
    static final int LIMIT = 64;
    private static final ThreadLocal<List<Supplier<Evidence>>> CURRENT = new ThreadLocal<>();

    private EvidenceRecorder() {
    }

    /** Runs {@code check} and returns what it used, to be built with {@link #build} when a violation needs it. */
    static List<Supplier<Evidence>> during(Runnable check) {
        List<Supplier<Evidence>> outer = CURRENT.get();
        List<Supplier<Evidence>> used = new ArrayList<>();
        CURRENT.set(used);
        try {
            check.run();
        } finally {
            CURRENT.set(outer);
        }
        return used;
    }

    /** The evidence recorded, each place once. */
    static List<Evidence> build(List<Supplier<Evidence>> used) {
        List<Evidence> out = new ArrayList<>();
        for (Supplier<Evidence> s : used) {
            out.add(s.get());
        }
        return FindingEvidence.distinct(out);
    }

    /** Whether a check is being recorded on this thread: callers skip building evidence when not. */
    static boolean recording() {
        return CURRENT.get() != null;
    }

    /** Notes a place the running check used; a no-op outside a check. */
    static void record(Supplier<Evidence> evidence) {
        List<Supplier<Evidence>> used = CURRENT.get();
        if (used != null && used.size() < LIMIT) {
            used.add(evidence);
        }
    }
}
