package dev.preflight.engine;

import dev.preflight.cloudformation.CloudFormationLoader;
import dev.preflight.graph.LoadResult;
import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CloudFormation templates read and loaded in the background. Templates are independent of each other and of the
 * Terraform files, so they load on up to {@code threads} threads of their own while the scanning thread goes on;
 * results keep the input order. With one thread, or nothing to load, they load in {@link #results()} on the calling
 * thread.
 */
final class TemplateLoads implements AutoCloseable {
    /** A template's text and what loading it gave, or why it could not be read. */
    record Loaded(SourceFile file, LoadResult result, Problem unreadable) {
    }

    private final List<DiscoveredFile> templates;
    private final ScanRequest request;
    private final ExecutorService pool;
    private final List<Future<Loaded>> futures = new ArrayList<>();

    private TemplateLoads(List<DiscoveredFile> templates, ScanRequest request, ExecutorService pool) {
        this.templates = templates;
        this.request = request;
        this.pool = pool;
    }

    static TemplateLoads start(List<DiscoveredFile> templates, ScanRequest request) {
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
        for (DiscoveredFile t : templates) {
            loads.futures.add(pool.submit(() -> load(t, request)));
        }
        return loads;
    }

    /** The templates' results, in input order; waits for the background loads. */
    List<Loaded> results() {
        List<Loaded> out = new ArrayList<>();
        if (pool == null) {
            for (DiscoveredFile t : templates) {
                out.add(load(t, request));
            }
            return out;
        }
        try {
            for (Future<Loaded> f : futures) {
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

    private static Loaded load(DiscoveredFile template, ScanRequest request) {
        Object read = Scanner.read(template.path(), request);
        if (read instanceof Problem p) {
            return new Loaded(null, null, p);
        }
        SourceFile file = (SourceFile) read;
        return new Loaded(file, new CloudFormationLoader().load(file, request.parameters()), null);
    }

    /** Stops the threads; loads still running (when the caller failed first) are cancelled. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
