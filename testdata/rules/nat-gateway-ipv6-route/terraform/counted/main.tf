variable "nat_gateway_ids" {
  type    = list(string)
  default = ["nat-0123456789abcdef0", "nat-0123456789abcdef1"]
}

variable "route_table_ids" {
  type    = list(string)
  default = ["rtb-0123456789abcdef0", "rtb-0123456789abcdef1"]
}

# one route per availability zone, each to that zone's NAT gateway
resource "aws_route" "ipv6" {
  count                       = length(var.route_table_ids)
  route_table_id              = var.route_table_ids[count.index]
  destination_ipv6_cidr_block = "::/0" # expect: nat-gateway-ipv6-route
  nat_gateway_id              = var.nat_gateway_ids[count.index]
}

resource "aws_route" "nat64" {
  for_each                    = toset(var.route_table_ids)
  route_table_id              = each.value
  destination_ipv6_cidr_block = "64:ff9b::/96"
  nat_gateway_id              = var.nat_gateway_ids[0]
}
