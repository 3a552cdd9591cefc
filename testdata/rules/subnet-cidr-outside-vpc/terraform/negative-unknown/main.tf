variable "vpc_id" {
  type = string
}

variable "secondary_vpc" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# a secondary block whose VPC is not known may belong to aws_vpc.main
resource "aws_vpc_ipv4_cidr_block_association" "maybe" {
  vpc_id     = var.secondary_vpc
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "maybe_in_secondary" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24"
}

resource "aws_subnet" "vpc_not_in_scan" {
  vpc_id     = var.vpc_id
  cidr_block = "192.168.0.0/24"
}
