resource "aws_instance" "web" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = "subnet-123"                       # expect: resource-id-malformed
  vpc_security_group_ids = ["sg-0123456789abcdef0", "web-sg"] # expect: resource-id-malformed
}

resource "aws_route" "to_igw" {
  route_table_id         = "rtb-0123456789abcdef" # expect: resource-id-malformed
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = "igw-XYZ" # expect: resource-id-malformed
}

resource "aws_route" "to_nat" {
  route_table_id         = "rtb-0123456789abcdef0"
  destination_cidr_block = "10.1.0.0/16"
  nat_gateway_id         = "nat-gateway-a" # expect: resource-id-malformed
}

# gateway_id may name a virtual private gateway or the local route: not judged unless it is igw-
resource "aws_route" "to_vgw" {
  route_table_id         = "rtb-0123456789abcdef0"
  destination_cidr_block = "10.2.0.0/16"
  gateway_id             = "vgw-0123456789abcdef0"
}

resource "aws_route_table_association" "a" {
  subnet_id      = "subnet-0a1b2c3d"
  route_table_id = "rtb-0a1b2c3d"
}
