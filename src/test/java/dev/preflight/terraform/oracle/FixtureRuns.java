package dev.preflight.terraform.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every fixture's Terraform run, made once per test JVM and shared by the tests that need them (and kept between
 * builds by the {@link TerraformOutcomeCache}). Four fixtures run at a time: a run is mostly Terraform and the
 * provider starting and talking to each other, which overlaps well even on two cores.
 */
final class FixtureRuns {
    private static final int PARALLEL = 4;
    private static final Map<Path, FixtureRun> RUNS = new ConcurrentHashMap<>();

    private FixtureRuns() {
    }

    /** The runs of {@code fixtures}, in their order. */
    static synchronized List<FixtureRun> of(TerraformCli cli, List<Path> fixtures) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<FixtureRun>> futures = new ArrayList<>();
            for (Path f : fixtures) {
                futures.add(pool.submit(() -> RUNS.computeIfAbsent(f, k -> FixtureRun.of(cli, k))));
            }
            List<FixtureRun> out = new ArrayList<>();
            for (Future<FixtureRun> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
