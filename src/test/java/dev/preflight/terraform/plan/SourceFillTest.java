package dev.preflight.terraform.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plan knows only after apply, filled from the evaluation of the same instance's source. */
class SourceFillTest {
    private static final Value.Unknown AFTER_APPLY = new Value.Unknown("known after apply", null);

    private static Value.Str str(String s) {
        return new Value.Str(s, null);
    }

    private static Value.Ref ref(String address) {
        return new Value.Ref(new ResourceId("plan.json", address), List.of("id"), null);
    }

    private static Value.MapValue route(String cidr, Value target) {
        return new Value.MapValue(Map.of("cidr_block", str(cidr), "nat_gateway_id", target), null);
    }

    @Test
    void anUnknownInsideABlockIsTakenFromTheBlockThatAgreesWithItsKnownParts() {
        // the plan lists the set of routes in its own order
        Value planned = new Value.ListValue(List.of(route("10.9.0.0/16", str("nat-0123")),
                route("0.0.0.0/0", AFTER_APPLY)), null);
        Value source = new Value.ListValue(List.of(route("0.0.0.0/0", ref("aws_nat_gateway.this[1]")),
                route("10.9.0.0/16", str("nat-0123"))), null);
        Value.ListValue filled = assertInstanceOf(Value.ListValue.class, SourceFill.fill(planned, source));
        Value.MapValue second = (Value.MapValue) filled.items().get(1);
        assertEquals(ref("aws_nat_gateway.this[1]"), second.get("nat_gateway_id").orElseThrow());
        assertEquals(str("nat-0123"), ((Value.MapValue) filled.items().get(0)).get("nat_gateway_id").orElseThrow());
    }

    @Test
    void aKnownValueIsNeverReplacedNorAnUnknownByAKnownOne() {
        Value known = str("eu-west-1a");
        assertSame(known, SourceFill.fill(known, ref("aws_subnet.a")));
        assertSame(AFTER_APPLY, SourceFill.fill(AFTER_APPLY, str("computed by Terraform, not by the source")));
        assertEquals(ref("aws_subnet.a"), SourceFill.fill(AFTER_APPLY, ref("aws_subnet.a")));
    }

    @Test
    void twoBlocksThatBothAgreeAreLeftUnknown() {
        Value planned = new Value.ListValue(List.of(route("0.0.0.0/0", AFTER_APPLY)), null);
        Value source = new Value.ListValue(List.of(route("0.0.0.0/0", ref("aws_nat_gateway.a")),
                route("0.0.0.0/0", ref("aws_nat_gateway.b"))), null);
        Value.MapValue only = (Value.MapValue) ((Value.ListValue) SourceFill.fill(planned, source)).items().get(0);
        assertSame(AFTER_APPLY, only.get("nat_gateway_id").orElseThrow());
    }
}
