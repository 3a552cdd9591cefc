# Lookalikes: IPv6 default routes in gateway_id that name an internet gateway (which forwards IPv6), by reference
# and by literal id, and a NAT gateway in gateway_id for the NAT64 prefix only. Nothing is reported.
resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    ipv6_cidr_block = "::/0"
    gateway_id      = aws_internet_gateway.main.id
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    ipv6_cidr_block = "64:ff9b::/96"
    gateway_id      = aws_nat_gateway.main.id
  }
}

resource "aws_route" "ipv6_literal_igw" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "2001:db8::/32"
  gateway_id                  = "igw-0123456789abcdef0"
}
