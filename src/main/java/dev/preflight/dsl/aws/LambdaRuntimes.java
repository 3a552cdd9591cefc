package dev.preflight.dsl.aws;

import dev.preflight.dsl.Values;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AWS Lambda's runtime deprecation schedule, from the dated table in {@code lambda-runtimes.properties}: when each
 * managed runtime is deprecated, and from when Lambda refuses to create, then to update, functions on it.
 *
 * <pre>{@code
 * LocalDate today = LocalDate.now(ScanClock.clock());
 * LambdaRuntimes.bundled().ofFunction(function, graph)
 *         .filter(w -> w.lifecycle().createBlockedOn(today))
 *         .ifPresent(w -> events.violated(function, "runtime " + w.lifecycle().runtime() + " can no longer be created",
 *                 w.value().span(), "runtime", w.lifecycle().runtime()));
 * }</pre>
 */
public final class LambdaRuntimes extends DatedFacts {
    private static final String RESOURCE = "/dev/preflight/rules/lambda-runtimes.properties";
    /** How far ahead a coming block is worth a warning: time to upgrade, test and roll out a function. */
    public static final int WARNING_DAYS = 180;

    /** One runtime's dates; an absent date is one AWS has not announced or that could not be confirmed. */
    public record Lifecycle(String runtime, Optional<LocalDate> deprecation, Optional<LocalDate> blockCreate,
                            Optional<LocalDate> blockUpdate) {
        /** Whether CreateFunction refuses the runtime on {@code day}. */
        public boolean createBlockedOn(LocalDate day) {
            return blockCreate.filter(d -> !day.isBefore(d)).isPresent();
        }

        /** Whether the runtime is deprecated (no more security patches) on {@code day}. */
        public boolean deprecatedOn(LocalDate day) {
            return deprecation.filter(d -> !day.isBefore(d)).isPresent();
        }

        /** Whether a block (create or update) starts within {@link #WARNING_DAYS} after {@code day}. */
        public boolean blockComingAfter(LocalDate day) {
            LocalDate horizon = day.plusDays(WARNING_DAYS);
            return within(blockCreate, day, horizon) || within(blockUpdate, day, horizon);
        }

        private static boolean within(Optional<LocalDate> date, LocalDate after, LocalDate until) {
            return date.filter(d -> d.isAfter(after) && !d.isAfter(until)).isPresent();
        }
    }

    private final Map<String, Lifecycle> runtimes;

    private LambdaRuntimes(DatedTable table, Map<String, Lifecycle> runtimes) {
        super(table);
        this.runtimes = runtimes;
    }

    /** The table shipped with preflight. */
    public static LambdaRuntimes bundled() {
        return Bundled.TABLE;
    }

    /** Read once, on first use: two rules judge by the table, and a pre-commit run pays for each read. */
    private static final class Bundled {
        static final LambdaRuntimes TABLE = load();
    }

    private static LambdaRuntimes load() {
        DatedTable table = DatedTable.load(RESOURCE);
        Map<String, Lifecycle> runtimes = new TreeMap<>();
        table.rows().forEach((runtime, dates) -> runtimes.put(runtime, new Lifecycle(runtime,
                table.optionalDate(dates[0]), table.optionalDate(dates[1]), table.optionalDate(dates[2]))));
        return new LambdaRuntimes(table, Map.copyOf(runtimes));
    }

    /** The dates of {@code runtime} ("python3.8"), when the table has it. */
    public Optional<Lifecycle> of(String runtime) {
        return Optional.ofNullable(runtimes.get(runtime.trim()));
    }

    /**
     * The runtime a function is written with, resolved through variables and parameters, with its dates: empty when
     * the function has no runtime (a container image), the runtime is not known before apply, or not in the table.
     */
    public Optional<Written> ofFunction(Resource function, ResourceGraph graph) {
        Optional<Value> runtime = function.property("runtime");
        if (runtime.isEmpty() || function.isDataSource() || isImage(function, graph)) {
            return Optional.empty();
        }
        return Values.resolvedString(runtime.get(), graph).flatMap(this::of)
                .map(lifecycle -> new Written(lifecycle, runtime.get()));
    }

    /** A container image function runs its image's runtime; a runtime merged in from SAM's Globals does not apply. */
    private static boolean isImage(Resource function, ResourceGraph graph) {
        return function.property("package_type").flatMap(v -> Values.resolvedString(v, graph))
                .filter("Image"::equals).isPresent();
    }

    /** A function's runtime as written (its span is where a finding points) and the runtime's dates. */
    public record Written(Lifecycle lifecycle, Value value) {
    }



}
