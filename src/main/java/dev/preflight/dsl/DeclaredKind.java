package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.PropertyNames;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind a user declares for resource types that have no built-in {@link Kind}: its Terraform and CloudFormation
 * types, and the properties whose names differ between the two formats by more than spelling. A rule on a declared
 * kind covers both formats, as a rule on a built-in kind does: properties are read by their canonical name (the
 * Terraform name by convention), and a renamed CloudFormation property is found under it.
 *
 * <pre>{@code
 * static final DeclaredKind BUCKET = DeclaredKind.named("S3_BUCKET")
 *         .terraform("aws_s3_bucket")
 *         .cloudFormation("AWS::S3::Bucket")
 *         .property("bucket", "bucket", "BucketName");   // canonical, Terraform, CloudFormation
 *
 * rule("acme-bucket-name-prefix")
 *         .check(resources(BUCKET).should(Conditions.match(PropertyValue.matches("bucket", "acme-.*"), "bucket")));
 * }</pre>
 *
 * <p>Names that differ only in case, underscores or dashes ({@code versioning_configuration} and
 * {@code VersioningConfiguration}) are the same property already and need no {@link #property}. Renames apply to
 * top-level properties of the kind's types, and only to types without a built-in kind (those have canonical names
 * already). Immutable: every method returns a new kind. Two kinds are equal when they declare the same things.
 */
public final class DeclaredKind {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern TERRAFORM_TYPE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
    private static final Pattern CLOUDFORMATION_TYPE = Pattern.compile("[A-Za-z0-9]+(::[A-Za-z0-9]+){2,3}");

    /**
     * One renamed property: {@code canonical} is the name rules use; {@code terraform} and {@code cloudFormation}
     * are the names written in each format.
     */
    public record PropertyName(String canonical, String terraform, String cloudFormation) {
        public PropertyName {
            Objects.requireNonNull(canonical, "canonical");
            Objects.requireNonNull(terraform, "terraform");
            Objects.requireNonNull(cloudFormation, "cloudFormation");
        }
    }

    private final String name;
    private final List<String> terraformTypes;
    private final List<String> cloudFormationTypes;
    private final List<PropertyName> properties;

    private DeclaredKind(String name, List<String> terraformTypes, List<String> cloudFormationTypes,
                         List<PropertyName> properties) {
        this.name = name;
        this.terraformTypes = List.copyOf(terraformTypes);
        this.cloudFormationTypes = List.copyOf(cloudFormationTypes);
        this.properties = List.copyOf(properties);
        checkNoRenameOfBuiltInTypes();
    }

    /** Starts a kind called {@code name} (shown in listings and descriptions, e.g. {@code S3_BUCKET}). */
    public static DeclaredKind named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a kind's name is a word of letters, digits, _ and -: " + name);
        }
        for (Kind k : Kind.values()) {
            if (k.name().equals(name)) {
                throw new IllegalArgumentException(name + " is a built-in kind: select it with Kind." + name);
            }
        }
        return new DeclaredKind(name, List.of(), List.of(), List.of());
    }

    /** Adds Terraform resource types, e.g. {@code aws_s3_bucket}. */
    public DeclaredKind terraform(String... types) {
        return new DeclaredKind(name, plus(terraformTypes, types, TERRAFORM_TYPE, "Terraform"), cloudFormationTypes,
                properties);
    }

    /** Adds CloudFormation resource types, e.g. {@code AWS::S3::Bucket}. */
    public DeclaredKind cloudFormation(String... types) {
        return new DeclaredKind(name, terraformTypes, plus(cloudFormationTypes, types, CLOUDFORMATION_TYPE,
                "CloudFormation"), properties);
    }

    /**
     * Declares a property whose names differ between the formats: rules read it as {@code canonical}, written
     * {@code terraformName} in Terraform and {@code cloudFormationName} in CloudFormation.
     */
    public DeclaredKind property(String canonical, String terraformName, String cloudFormationName) {
        List<PropertyName> more = new ArrayList<>(properties);
        more.add(new PropertyName(canonical, terraformName, cloudFormationName));
        return new DeclaredKind(name, terraformTypes, cloudFormationTypes, more);
    }

    /** The name it was declared with. */
    public String name() {
        return name;
    }

    /** Its Terraform types, then its CloudFormation types. */
    public List<String> types() {
        List<String> all = new ArrayList<>(terraformTypes);
        all.addAll(cloudFormationTypes);
        return Collections.unmodifiableList(all);
    }

    /** The renamed properties. */
    public List<PropertyName> properties() {
        return properties;
    }

    /** Whether {@code resource} is of one of this kind's types. */
    public boolean includes(Resource resource) {
        return resource.format() == Format.CLOUDFORMATION ? cloudFormationTypes.contains(resource.type())
                : terraformTypes.contains(resource.type());
    }

    /**
     * The renames for resources written in {@code format}: the written name's canonical spelling (see
     * {@link PropertyNames}) to the name rules read. Only names that differ are listed.
     */
    public Map<String, String> renames(Format format) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PropertyName p : properties) {
            String written = format == Format.CLOUDFORMATION ? p.cloudFormation() : p.terraform();
            if (!PropertyNames.same(written, p.canonical())) {
                out.put(PropertyNames.canonical(written), p.canonical());
            }
        }
        return out;
    }

    private static List<String> plus(List<String> current, String[] more, Pattern shape, String format) {
        List<String> out = new ArrayList<>(current);
        for (String type : more) {
            if (type == null || !shape.matcher(type).matches()) {
                throw new IllegalArgumentException("not a " + format + " resource type: " + type);
            }
            if (!out.contains(type)) {
                out.add(type);
            }
        }
        return out;
    }

    private void checkNoRenameOfBuiltInTypes() {
        if (properties.isEmpty()) {
            return;
        }
        for (String type : types()) {
            Kind builtIn = ResourceTypes.kindOf(type);
            if (builtIn != Kind.OTHER) {
                throw new IllegalArgumentException("kind " + name + " renames properties of " + type
                        + ", which is built-in kind " + builtIn + " and has canonical names already");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeclaredKind k && name.equals(k.name) && terraformTypes.equals(k.terraformTypes)
                && cloudFormationTypes.equals(k.cloudFormationTypes) && properties.equals(k.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, terraformTypes, cloudFormationTypes, properties);
    }

    @Override
    public String toString() {
        return name;
    }
}
