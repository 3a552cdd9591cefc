# A NAT gateway named in gateway_id (which Terraform and the EC2 API accept) is still a NAT gateway: the target is
# what the value references, not the attribute's name.
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

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_nat_gateway.main.id
  }

  route {
    ipv6_cidr_block = "::/0" # expect: nat-gateway-ipv6-route
    gateway_id      = aws_nat_gateway.main.id
  }
}

resource "aws_route_table" "other" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "ipv6_literal_nat" {
  route_table_id              = aws_route_table.other.id
  destination_ipv6_cidr_block = "2001:db8::/32" # expect: nat-gateway-ipv6-route
  gateway_id                  = "nat-0123456789abcdef0"
}
