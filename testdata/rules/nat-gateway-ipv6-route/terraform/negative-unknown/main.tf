# values preflight cannot know before apply: nothing is reported

variable "ipv6_cidr" {
  type = string
}

variable "nat_gateway_id" {
  type    = string
  default = null
}

resource "aws_route" "unknown_destination" {
  route_table_id              = "rtb-0123456789abcdef0"
  destination_ipv6_cidr_block = var.ipv6_cidr
  nat_gateway_id              = "nat-0123456789abcdef0"
}

resource "aws_route" "maybe_no_nat" {
  route_table_id              = "rtb-0123456789abcdef0"
  destination_ipv6_cidr_block = "::/0"
  nat_gateway_id              = var.nat_gateway_id
  egress_only_gateway_id      = var.nat_gateway_id == null ? "eigw-0123456789abcdef0" : null
}

resource "aws_route" "prefix_list" {
  route_table_id             = "rtb-0123456789abcdef0"
  destination_prefix_list_id = "pl-0123456789abcdef0"
  nat_gateway_id             = "nat-0123456789abcdef0"
}
