package dev.preflight.engine;

import java.io.PrintStream;

/**
 * Where a run's time goes, phase by phase, printed on standard error when {@code PREFLIGHT_TIMINGS} is set: the tool
 * for keeping a pre-commit run fast. Marks cost a clock read and an array store, so they stay in the code; nothing is
 * formatted unless the report is asked for (formatting code is itself a cold-start cost).
 */
public final class Timings {
    private static final int CAPACITY = 64;
    private static final long START = System.nanoTime();
    private static final String[] NAMES = new String[CAPACITY];
    private static final long[] TIMES = new long[CAPACITY];
    private static int count;

    private Timings() {
    }

    /** Records that the phase called {@code name} has just ended. The first {@value #CAPACITY} marks are kept. */
    public static synchronized void mark(String name) {
        if (count < CAPACITY) {
            NAMES[count] = name;
            TIMES[count++] = System.nanoTime();
        }
    }

    /** Whether the user asked for the report. */
    public static boolean requested() {
        String v = System.getenv("PREFLIGHT_TIMINGS");
        return v != null && !v.isEmpty() && !"0".equals(v);
    }

    /**
     * Prints each phase's duration and the time since this class was first used (the start of {@code main}, where
     * the CLI marks first).
     */
    public static synchronized void print(PrintStream err) {
        long previous = START;
        for (int i = 0; i < count; i++) {
            err.println("preflight timings: " + millis(TIMES[i] - previous) + " ms " + NAMES[i] + " (at "
                    + millis(TIMES[i] - START) + " ms)");
            previous = TIMES[i];
        }
    }

    private static String millis(long nanos) {
        long tenths = nanos / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
