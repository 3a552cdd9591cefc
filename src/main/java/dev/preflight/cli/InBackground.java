package dev.preflight.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value computed on a daemon thread of its own, started now; {@link #get()} waits for it and rethrows what its
 * computation threw. Used for the rule registry: building the rules is a sizeable part of a cold run, and a scan
 * needs them only after its inputs are loaded.
 */
final class InBackground<T> implements Supplier<T> {
    private final FutureTask<T> task;

    private InBackground(Supplier<T> source, String name) {
        // an anonymous class, not source::get: the JVM's lambda machinery is started by whichever thread needs it
        // first, and the scanning thread should not wait for that here
        this.task = new FutureTask<>(new Callable<T>() {
            @Override
            public T call() {
                return source.get();
            }
        });
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // a usage error exits without waiting for it
        thread.start();
    }

    static <T> InBackground<T> start(Supplier<T> source, String name) {
        return new InBackground<>(source, name);
    }

    @Override
    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
