package preflight.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.SourceDiscovery;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.terraform.syntax.HclParser;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The parse-only floor of a scan: the same files as {@code preflight scan} (same discovery), read and parsed on all
 * cores with the same parsers (the HCL parser, Jackson streaming, SnakeYAML compose), and nothing else: no module
 * evaluation, no intrinsics, no graph, no rule, no report. A scan can not be faster than this.
 * Prints {@code files bytes nodes} on standard output.
 */
public final class ParseOnly {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ParseOnly() {
    }

    public static void main(String[] args) {
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a).toAbsolutePath().normalize());
        }
        List<DiscoveredFile> files = new SourceDiscovery().discover(roots).files();
        AtomicLong bytes = new AtomicLong();
        AtomicLong nodes = new AtomicLong();
        files.parallelStream().forEach(f -> {
            try {
                SourceFile source = SourceReader.read(f.path(), f.path().toString());
                bytes.addAndGet(source.text().length());
                nodes.addAndGet(parse(f, source));
            } catch (Exception | StackOverflowError e) {
                nodes.incrementAndGet(); // unreadable or broken files cost the scan a problem, here nothing
            }
        });
        System.out.println(files.size() + " " + bytes.get() + " " + nodes.get());
    }

    private static long parse(DiscoveredFile f, SourceFile source) throws Exception {
        switch (f.kind()) {
            case TERRAFORM, TERRAFORM_VARS:
                return HclParser.parse(source).body().items().size();
            case TERRAFORM_JSON, CLOUDFORMATION_JSON:
                return jsonTokens(source.text());
            default:
                return yamlNodes(source.text());
        }
    }

    private static long jsonTokens(String text) throws Exception {
        long n = 0;
        try (JsonParser p = JSON.createParser(text)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    private static long yamlNodes(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(16 * 1024 * 1024);
        long n = 0;
        for (Object node : new Yaml(options).composeAll(new StringReader(text))) {
            n += node == null ? 0 : 1;
        }
        return n;
    }
}
