package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import dev.preflight.testing.ModuleInstallation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the Terraform evaluator, with Terraform itself as the oracle: every fixture that plans
 * offline is planned, and every value preflight holds as known must be the value Terraform planned. Preflight may
 * say unknown where Terraform knows; it must never know something else. The {@code json} that preflight computes
 * for {@code data "aws_iam_policy_document"} is held to the same rule, with figures of its own. Prints the agreement
 * figures.
 */
class EvaluatorOracleTest {

    @Test
    void preflightNeverHoldsAKnownValueTerraformPlansDifferently() {
        TerraformCli cli = TerraformCli.require();
        List<Path> fixtures = TerraformFixtures.roots();
        assertTrue(!fixtures.isEmpty(), "no Terraform fixtures under " + TerraformFixtures.ROOT.toAbsolutePath());
        List<FixtureRun> runs = FixtureRuns.of(cli, fixtures);
        Agreement agreement = new Agreement();
        Agreement policyDocuments = new Agreement();
        ProviderSchema schema = null;
        for (FixtureRun run : runs) {
            if (run.planJson == null) {
                agreement.fixturesNotPlanned.add(run.fixture + ": " + firstLine(run.planFailure()));
                continue;
            }
            if (schema == null) {
                schema = ProviderSchema.load(cli);
            }
            agreement.fixturesPlanned++;
            // a fixture calling registry modules is loaded from its work copy, where they are installed
            Map<String, Resource> preflight = PreflightSide.load(
                    ModuleInstallation.callsRegistryModules(run.fixture) ? run.work : run.fixture);
            compareFixture(run, schema, agreement, managed(preflight));
            comparePolicyDocuments(run, preflight, policyDocuments);
        }
        System.out.println(agreement.report());
        System.out.println(policyDocuments.report().replace("terraform plan", "terraform plan, data "
                + "\"aws_iam_policy_document\" json"));
        assertEquals(List.of(), agreement.contradictions, agreement.report());
        assertEquals(List.of(), policyDocuments.contradictions, policyDocuments.report());
    }

    private static Map<String, Resource> managed(Map<String, Resource> all) {
        Map<String, Resource> out = new java.util.LinkedHashMap<>();
        all.forEach((address, r) -> {
            if (!r.isDataSource()) {
                out.put(address, r);
            }
        });
        return out;
    }

    /**
     * The documents preflight computes for the policy document data sources, against those Terraform read while
     * planning (or deferred, when their arguments were not known).
     */
    private static void comparePolicyDocuments(FixtureRun run, Map<String, Resource> preflight, Agreement agreement) {
        Map<String, PlannedInstances.Instance> terraform = PlannedDataSources.of(run.planJson);
        ValueComparator comparator = new ValueComparator(agreement);
        boolean any = false;
        for (Resource r : preflight.values()) {
            if (!r.isDataSource() || !r.type().equals("aws_iam_policy_document")) {
                continue;
            }
            any = true;
            agreement.terraformAddresses++;
            PlannedInstances.Instance tf = terraform.get(r.address());
            if (tf == null) {
                agreement.contradiction(run.fixture + " " + r.address(), "preflight has this data source, "
                        + "Terraform plans no such instance");
                continue;
            }
            agreement.addressesMatched++;
            for (String attribute : List.of("json", "minified_json")) {
                comparator.compare(r.properties().get(attribute).orElseThrow(), tf.after().get(attribute),
                        tf.afterUnknown() == null ? null : tf.afterUnknown().get(attribute), SchemaType.DYNAMIC,
                        run.fixture + " " + r.address() + "." + attribute);
            }
        }
        if (any) {
            agreement.fixturesPlanned++;
        }
    }

    private static void compareFixture(FixtureRun run, ProviderSchema schema, Agreement agreement,
                                       Map<String, Resource> preflight) {
        Map<String, PlannedInstances.Instance> terraform = PlannedInstances.of(run.planJson);
        ValueComparator comparator = new ValueComparator(agreement);
        agreement.terraformAddresses += terraform.size();
        for (Map.Entry<String, PlannedInstances.Instance> e : terraform.entrySet()) {
            String address = e.getKey();
            Resource r = preflight.get(address);
            if (r == null) {
                if (preflight.containsKey(withoutKey(address))) {
                    agreement.addressesLeftUnexpanded++;
                } else {
                    agreement.contradiction(run.fixture + " " + address, "Terraform plans it, preflight has no "
                            + "such resource");
                }
                continue;
            }
            agreement.addressesMatched++;
            int comparedBefore = agreement.valuesCompared;
            PlannedInstances.Instance tf = e.getValue();
            for (Map.Entry<String, Value> p : r.properties().entries().entrySet()) {
                String written = writtenName(schema, tf.type(), p.getKey());
                SchemaType type = schema.attribute(tf.type(), written);
                if (type.shape() == SchemaType.Shape.ABSENT) {
                    continue; // a meta-argument (depends_on), not a value Terraform plans
                }
                comparator.compare(p.getValue(), tf.after().get(written),
                        tf.afterUnknown() == null ? null : tf.afterUnknown().get(written), type,
                        run.fixture + " " + address + "." + written);
            }
            if (address.startsWith("module.")) {
                agreement.moduleAddressesMatched++;
                agreement.moduleValuesCompared += agreement.valuesCompared - comparedBefore;
            }
        }
        for (String address : preflight.keySet()) {
            boolean expandedByTerraform = terraform.keySet().stream().anyMatch(a -> withoutKey(a).equals(address));
            if (!terraform.containsKey(address) && !expandedByTerraform) {
                agreement.contradiction(run.fixture + " " + address, "preflight has this resource, Terraform "
                        + "plans no such instance");
            }
        }
    }

    /** The attribute name as written in Terraform for a preflight property, undoing the canonical renames. */
    private static String writtenName(ProviderSchema schema, String type, String canonical) {
        if (schema.attribute(type, canonical).shape() != SchemaType.Shape.ABSENT) {
            return canonical;
        }
        for (Map.Entry<String, String> alias : ResourceTypes.of(type).aliases().entrySet()) {
            if (alias.getValue().equals(canonical)) {
                return alias.getKey();
            }
        }
        return canonical;
    }

    /** {@code aws_subnet.a[0]} to {@code aws_subnet.a}. */
    private static String withoutKey(String address) {
        return address.endsWith("]") ? address.substring(0, address.lastIndexOf('[')) : address;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().filter(l -> !l.isBlank()).findFirst().orElse(s);
    }
}
