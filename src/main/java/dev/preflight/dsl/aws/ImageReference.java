package dev.preflight.dsl.aws;

import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.PropertyNames;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference ({@code [registry/]repository[:tag][@digest]}) that may be only partly known:
 * {@code "${aws_ecr_repository.app.repository_url}:${var.tag}"}, {@code !Sub ${AWS::AccountId}.dkr.ecr...}.
 * The reference is reduced to a skeleton in which unknown parts are a placeholder, so the questions "is it from
 * ECR?" and "is its version pinned?" get a three-valued answer.
 *
 * <pre>{@code
 * Truth fromEcr = ImageReference.of(container.image().orElseThrow(), graph).fromEcr();
 * }</pre>
 */
public final class ImageReference {
    /** Stands for text preflight cannot know. */
    private static final char UNKNOWN = '\u0000';
    /** Stands for an ECR repository's URL ({@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME}, never a tag). */
    private static final char ECR_REPOSITORY_URL = '\u0001';
    private static final String ANY = "(?:[^/]*\u0000[^/]*)";
    /** A private ECR registry host, where an unknown part may stand for the account or the region. */
    private static final Pattern ECR_HOST = Pattern.compile(
            "(?:\\d{12}|" + ANY + ")\\.dkr\\.ecr(?:-fips)?\\.(?:[a-z0-9-]+|" + ANY + ")\\.amazonaws\\.com(?:\\.cn)?");
    private static final int MAX_DEPTH = 8;

    private final Value value;
    /** Null when the whole reference is unknown. */
    private final String skeleton;

    private ImageReference(Value value, String skeleton) {
        this.value = value;
        this.skeleton = skeleton;
    }

    /** The image reference written as {@code value}, with references followed through {@code graph}. */
    public static ImageReference of(Value value, ResourceGraph graph) {
        StringBuilder sb = new StringBuilder();
        boolean known = append(value, graph, sb, 0);
        // an empty image is AWS's other error; nothing can be said about its registry or tag
        return new ImageReference(value, known && !sb.isEmpty() ? sb.toString() : null);
    }

    /** Appends the skeleton of {@code v}; false when nothing at all can be said (a wholly unknown value). */
    private static boolean append(Value v, ResourceGraph graph, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) {
            sb.append(UNKNOWN);
            return true;
        }
        if (v instanceof Value.Str s) {
            sb.append(s.value());
            return true;
        }
        if (v instanceof Value.Template t) {
            for (Value part : t.parts()) {
                if (!append(part, graph, sb, depth + 1)) {
                    sb.append(UNKNOWN);
                }
            }
            return true;
        }
        if (v instanceof Value.Ref ref) {
            if (isEcrRepositoryUrl(ref, graph)) {
                sb.append(ECR_REPOSITORY_URL);
                return true;
            }
            Value resolved = graph.attributeValue(ref);
            if (resolved instanceof Value.Str || resolved instanceof Value.Template || resolved instanceof Value.Ref) {
                return append(resolved, graph, sb, depth + 1);
            }
            sb.append(UNKNOWN);
            return true;
        }
        return false;
    }

    private static boolean isEcrRepositoryUrl(Value.Ref ref, ResourceGraph graph) {
        Optional<Resource> target = graph.target(ref);
        if (target.isEmpty() || target.get().kind() != Kind.ECR_REPOSITORY) {
            return false;
        }
        String attribute = PropertyNames.canonical(ref.attributeName());
        return attribute.equals("repositoryurl") || attribute.equals("repositoryuri");
    }

    /** The value as written. */
    public Value value() {
        return value;
    }

    /** How the reference reads in a message. */
    public String shown() {
        return Values.show(value);
    }

    /** Whether the image is pulled from a private ECR registry (which needs registry auth, hence a role). */
    public Truth fromEcr() {
        if (skeleton == null) {
            return Truth.UNKNOWN;
        }
        if (!skeleton.isEmpty() && skeleton.charAt(0) == ECR_REPOSITORY_URL) {
            return Truth.TRUE;
        }
        int slash = skeleton.indexOf('/');
        if (slash < 0) {
            // "nginx" is Docker Hub; a lone unknown may be anything
            return skeleton.indexOf(UNKNOWN) >= 0 ? Truth.UNKNOWN : Truth.FALSE;
        }
        String host = skeleton.substring(0, slash);
        if (ECR_HOST.matcher(host).matches() || host.contains(".dkr.ecr.")) {
            return Truth.TRUE;
        }
        return host.indexOf(UNKNOWN) >= 0 || host.indexOf(ECR_REPOSITORY_URL) >= 0 ? Truth.UNKNOWN : Truth.FALSE;
    }

    /** The tag, when it is written and known; empty for no tag or an unknown one (see {@link #pinned()}). */
    public Optional<String> tag() {
        String last = lastComponent();
        if (last == null) {
            return Optional.empty();
        }
        int colon = last.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String tag = last.substring(colon + 1);
        return tag.indexOf(UNKNOWN) >= 0 ? Optional.empty() : Optional.of(tag);
    }

    /**
     * TRUE when the image names a version (a digest, or a tag other than {@code latest}); FALSE when it has tag
     * {@code latest} or no tag and no digest (which means {@code latest}); UNKNOWN when the tag is not known.
     */
    public Truth pinned() {
        if (skeleton == null) {
            return Truth.UNKNOWN;
        }
        if (skeleton.indexOf('@') >= 0) {
            return Truth.TRUE;
        }
        String last = lastComponent();
        int colon = last.lastIndexOf(':');
        if (colon < 0) {
            // "repo" has no tag, but "${var.name}" may carry one
            return last.indexOf(UNKNOWN) >= 0 ? Truth.UNKNOWN : Truth.FALSE;
        }
        String tag = last.substring(colon + 1);
        if (tag.indexOf(UNKNOWN) >= 0) {
            return Truth.UNKNOWN;
        }
        return Truth.of(!tag.isEmpty() && !tag.equals("latest"));
    }

    /** After the last slash, where a tag can be: {@code host:5000/img} has a port, not a tag. */
    private String lastComponent() {
        if (skeleton == null) {
            return null;
        }
        int slash = skeleton.lastIndexOf('/');
        return slash < 0 ? skeleton : skeleton.substring(slash + 1);
    }

    @Override
    public String toString() {
        return shown();
    }
}
