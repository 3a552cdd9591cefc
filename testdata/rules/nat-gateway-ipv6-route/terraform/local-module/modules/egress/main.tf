variable "vpc_id" {
  type = string
}

variable "nat_gateway_id" {
  type = string
}

variable "ipv6_cidr" {
  type = string
}

resource "aws_route_table" "private" {
  vpc_id = var.vpc_id
}

resource "aws_route" "ipv6" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = var.ipv6_cidr # expect: nat-gateway-ipv6-route
  nat_gateway_id              = var.nat_gateway_id
}
