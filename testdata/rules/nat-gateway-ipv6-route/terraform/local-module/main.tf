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

module "egress" {
  source         = "./modules/egress"
  vpc_id         = aws_vpc.main.id
  nat_gateway_id = aws_nat_gateway.main.id
  ipv6_cidr      = "::/0" # evidence: nat-gateway-ipv6-route value
}
