package dev.preflight.engine;

import dev.preflight.cloudformation.CloudFormationLoader;
import dev.preflight.cloudformation.StackSetLoad;
import dev.preflight.cloudformation.PreparedTemplate;
import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * CloudFormation templates read and loaded in the background, while the scanning thread goes on with the Terraform
 * files. Reading and parsing a template depends on nothing else, so templates are parsed on up to {@code threads}
 * threads of their own, and one that is linked to no other template is loaded there too; those linked by nested
 * stacks or imports are then loaded together, on one of the threads. With one thread, or nothing to load, everything
 * happens in {@link #results()} on the calling thread.
 */
final class TemplateLoads implements AutoCloseable {
    /** What loading the templates gave, and the inputs that could not be read at all. */
    record Loaded(StackSetLoad load, List<Problem> unreadable) {
    }

    /** One input: prepared, or why it could not be read. */
    private record Parsed(PreparedTemplate input, Problem unreadable) {
    }

    private final List<DiscoveredFile> templates;
    private final ScanRequest request;
    private final ExecutorService pool;
    private final List<Future<Parsed>> parses = new ArrayList<>();
    private Future<Loaded> load;

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
            loads.parses.add(pool.submit(() -> parse(t.path(), request)));
        }
        // queued last, so it starts only when every parse has been taken by a thread: it never waits for a parse
        // that waits for a thread
        loads.load = pool.submit(() -> loads.loadAll(loads.parsed()));
        return loads;
    }

    /** The templates loaded; waits for the background work. */
    Loaded results() {
        if (pool == null) {
            List<Parsed> parsed = new ArrayList<>();
            for (DiscoveredFile t : templates) {
                parsed.add(parse(t.path(), request));
            }
            return loadAll(parsed);
        }
        return await(load);
    }

    private List<Parsed> parsed() {
        List<Parsed> out = new ArrayList<>();
        for (Future<Parsed> f : parses) {
            out.add(await(f));
        }
        return out;
    }

    private Loaded loadAll(List<Parsed> parsed) {
        List<PreparedTemplate> inputs = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p.unreadable() != null) {
                unreadable.add(p.unreadable());
            } else {
                inputs.add(p.input());
            }
        }
        StackSetLoad load = new CloudFormationLoader().loadPrepared(inputs, request.parameters(), this::readNested);
        return new Loaded(load, unreadable);
    }

    /** A nested template that is not an input: read as inputs are, unless there is no such file. */
    private Optional<SourceFile> readNested(Path path, Consumer<Problem> problems) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Object read = Scanner.read(path, request);
        if (read instanceof Problem p) {
            problems.accept(p);
            return Optional.empty();
        }
        return Optional.of((SourceFile) read);
    }

    private static Parsed parse(Path path, ScanRequest request) {
        Object read = Scanner.read(path, request);
        if (read instanceof Problem p) {
            return new Parsed(null, p);
        }
        return new Parsed(new CloudFormationLoader().prepare((SourceFile) read, request.parameters()), null);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the threads; loads still running (when the caller failed first) are cancelled. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
