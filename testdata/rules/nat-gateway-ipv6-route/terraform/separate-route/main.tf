resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_egress_only_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "ipv6_default_to_nat" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0" # expect: nat-gateway-ipv6-route
  nat_gateway_id              = aws_nat_gateway.main.id
}

resource "aws_route" "documentation_range_to_nat" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "2001:db8:0::/48" # expect: nat-gateway-ipv6-route
  nat_gateway_id              = aws_nat_gateway.main.id
}

# lookalikes that are right: NAT64 to the NAT gateway, IPv6 egress to the egress-only gateway, IPv4 to NAT
resource "aws_route" "nat64" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "64:ff9b::/96"
  nat_gateway_id              = aws_nat_gateway.main.id
}

resource "aws_route" "ipv6_default_to_eigw" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.main.id
}

resource "aws_route" "ipv4_default_to_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.main.id
}
