variable "ipv6_egress_cidr" {
  type    = string
  default = "64:ff9b::/96"
}

variable "nat_gateway_id" {
  type = string
}

locals {
  private_route_table = "rtb-0123456789abcdef0"
}

resource "aws_route" "egress" {
  route_table_id              = local.private_route_table
  destination_ipv6_cidr_block = var.ipv6_egress_cidr # expect: nat-gateway-ipv6-route
  nat_gateway_id              = var.nat_gateway_id
}
