package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML template with SnakeYAML's compose API, which builds a node graph and never constructs objects:
 * {@code load} would reject {@code !Ref} and, with the wrong constructor, instantiate whatever a tag names.
 */
public final class YamlTemplateParser {
    /** Billion-laughs guard: SnakeYAML refuses documents with more aliases to collections than this. */
    static final int MAX_ALIASES = 50;
    /** Deeper than any real template (policies inside conditions inside properties stay under 30). */
    static final int MAX_NESTING = 100;
    /** Larger than CloudFormation's 1 MB template limit with room to spare; bigger inputs are not templates. */
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    /** Parses {@code file}; never throws: every failure is a problem of the result. */
    public ParsedTemplate parse(SourceFile file) {
        List<Problem> problems = new ArrayList<>();
        TemplateNode root = null;
        try {
            Iterator<Node> documents = new Yaml(options()).composeAll(new StringReader(file.text())).iterator();
            if (!documents.hasNext()) {
                problems.add(new Problem(file.span(0, 0), "empty template: no YAML document"));
                return new ParsedTemplate(null, problems);
            }
            Node first = documents.next();
            root = new YamlNodeConverter(file, problems).convert(first);
            if (documents.hasNext()) {
                Node second = documents.next();
                int at = new CodePointOffsets(file.text()).offset(second.getStartMark().getIndex());
                problems.add(new Problem(file.span(at, at), "more than one YAML document (the second starts at line "
                        + file.lineOf(at) + "); CloudFormation reads a template from a single document"));
            }
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(spanOf(file, e.getProblemMark()), readable(e)));
        } catch (YAMLException e) {
            problems.add(new Problem(file.span(0, 0), "YAML not read: " + e.getMessage()));
        } catch (YamlNodeConverter.TooLargeException e) {
            problems.add(new Problem(file.span(0, 0), e.getMessage()));
            root = null;
        }
        return new ParsedTemplate(root, problems);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        // compose never constructs objects, so every tag may pass SnakeYAML; YamlNodeConverter then rejects each
        // one that is not a CloudFormation function, node by node, so that one hostile tag does not hide the rest
        options.setTagInspector(tag -> true);
        return options;
    }

    /** SnakeYAML's problem and context without the snippet and caret it appends to getMessage(). */
    private static String readable(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        Mark contextMark = e.getContextMark();
        if (context == null) {
            return "YAML syntax error: " + problem;
        }
        String where = contextMark == null ? "" : " started at line " + (contextMark.getLine() + 1);
        return "YAML syntax error: " + problem + " (" + context + where + ")";
    }

    private static dev.preflight.source.Span spanOf(SourceFile file, Mark mark) {
        if (mark == null) {
            return file.span(0, 0);
        }
        int offset = new CodePointOffsets(file.text()).offset(mark.getIndex());
        int end = Math.min(offset + 1, file.text().length());
        // a one-character span unless the mark is at a line end, so that the span stays on its line
        if (end > offset && (file.text().charAt(offset) == '\n' || file.text().charAt(offset) == '\r')) {
            end = offset;
        }
        return file.span(offset, end);
    }
}
