package dev.preflight.engine;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Where a run's time goes, phase by phase, printed on standard error when {@code PREFLIGHT_TIMINGS} is set: the tool
 * for keeping a pre-commit run fast. Marks cost a clock read and an array store, so they stay in the code; nothing is
 * formatted unless the report is asked for (formatting code is itself a cold-start cost).
 */
public final class Timings {
    private static final int CAPACITY = 64;
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
     * Prints each phase's duration and the time since the JVM started (the first phase, up to the first mark, is
     * the JVM's own start-up and whatever ran before that mark).
     */
    public static synchronized void print(PrintStream err) {
        // the JVM's start is known in wall-clock milliseconds only; asked here, since its classes cost start-up time
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long start = System.nanoTime() - sinceStart * 1_000_000;
        long previous = start;
        for (int i = 0; i < count; i++) {
            err.println("preflight timings: " + millis(TIMES[i] - previous) + " ms " + NAMES[i] + " (at "
                    + millis(TIMES[i] - start) + " ms)");
            previous = TIMES[i];
        }
    }

    private static String millis(long nanos) {
        long tenths = nanos / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
