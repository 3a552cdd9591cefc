resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16" # evidence: subnet-cidr-outside-vpc resource
}

resource "aws_vpc_ipv4_cidr_block_association" "secondary" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "100.64.0.0/20"
}

resource "aws_subnet" "outside" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24" # expect: subnet-cidr-outside-vpc
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.128/25" # expect: subnet-cidr-outside-vpc
}

resource "aws_subnet" "in_secondary" {
  vpc_id     = aws_vpc_ipv4_cidr_block_association.secondary.vpc_id
  cidr_block = "100.64.1.0/24"
}

# the provider refuses these sizes as literals at validate time, but not through variables
variable "big_cidr" {
  type    = string
  default = "10.0.0.0/8" # evidence: subnet-cidr-outside-vpc value
}

variable "small_cidr" {
  type    = string
  default = "192.168.0.0/29"
}

resource "aws_vpc" "too_big" {
  cidr_block = var.big_cidr # expect: subnet-cidr-outside-vpc
}

resource "aws_vpc" "too_small" {
  cidr_block = var.small_cidr # expect: subnet-cidr-outside-vpc
}

# lookalike: the same range in another VPC is fine
resource "aws_vpc" "other" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "other_a" {
  vpc_id     = aws_vpc.other.id
  cidr_block = "10.0.0.0/24"
}
