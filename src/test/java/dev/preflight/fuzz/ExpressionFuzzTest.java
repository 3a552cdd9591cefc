package dev.preflight.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The Terraform expression evaluator: an arbitrary expression becomes a local of a tiny module whose resources use
 * it in the places rules read (ids, CIDRs, count, for_each, a nested block), so evaluation, expansion and the rules'
 * value helpers all see it. Seeds in {@code ExpressionFuzzTestInputs/} are single expressions.
 */
class ExpressionFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void evaluate(byte[] input) {
        String expression = new String(input, StandardCharsets.UTF_8);
        String module = "variable \"v\" {\n  default = [\"a\", 1]\n}\n"
                + "locals {\n  x = " + expression + "\n  y = [local.x, var.v]\n}\n"
                + "resource \"aws_subnet\" \"a\" {\n  vpc_id     = local.x\n  cidr_block = local.x\n"
                + "  tags       = { x = local.x, y = local.y }\n}\n"
                + "resource \"aws_route\" \"r\" {\n  count = local.x\n  route_table_id = local.x\n"
                + "  destination_ipv6_cidr_block = local.x\n  nat_gateway_id = local.x\n}\n"
                + "resource \"aws_security_group\" \"s\" {\n  for_each = local.x\n  vpc_id = each.value\n"
                + "  dynamic \"ingress\" {\n    for_each = local.x\n    content {\n      cidr_blocks = [ingress.value]\n"
                + "    }\n  }\n}\n";
        FuzzChecks.loadTerraform("main.tf", module);
    }
}
