package dev.preflight.engine;

import dev.preflight.cloudformation.CloudFormationLoader;
import dev.preflight.graph.LoadResult;
import dev.preflight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CloudFormation templates loading in the background. Templates are independent of each other and of the Terraform
 * files, so they load on up to {@code threads} threads of their own while the scanning thread goes on; results keep
 * the input order. With one thread, or nothing to load, they load in {@link #results()} on the calling thread.
 */
final class TemplateLoads implements AutoCloseable {
    private final List<SourceFile> templates;
    private final ScanRequest request;
    private final ExecutorService pool;
    private final List<Future<LoadResult>> futures = new ArrayList<>();

    private TemplateLoads(List<SourceFile> templates, ScanRequest request, ExecutorService pool) {
        this.templates = templates;
        this.request = request;
        this.pool = pool;
    }

    static TemplateLoads start(List<SourceFile> templates, ScanRequest request) {
        if (templates.isEmpty() || request.threads() <= 1) {
            return new TemplateLoads(templates, request, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), templates.size()),
                runnable -> {
                    Thread t = new Thread(runnable, "preflight-templates");
                    t.setDaemon(true); // never keeps a failed scan's JVM alive
                    return t;
                });
        TemplateLoads loads = new TemplateLoads(templates, request, pool);
        for (SourceFile t : templates) {
            loads.futures.add(pool.submit(() -> load(t, request)));
        }
        return loads;
    }

    /** The templates' load results, in input order; waits for the background loads. */
    List<LoadResult> results() {
        List<LoadResult> out = new ArrayList<>();
        if (pool == null) {
            for (SourceFile t : templates) {
                out.add(load(t, request));
            }
            return out;
        }
        try {
            for (Future<LoadResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static LoadResult load(SourceFile template, ScanRequest request) {
        return new CloudFormationLoader().load(template, request.parameters());
    }

    /** Stops the threads; loads still running (when the caller failed first) are cancelled. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
