variable "zone" {
  type    = string
  default = "us-east-1c" # evidence: alb-subnets-single-az value
}

resource "aws_subnet" "one" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.0.0/24"
  availability_zone = var.zone
}

resource "aws_subnet" "two" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1c"
}

resource "aws_subnet" "by_zone_id" {
  vpc_id               = "vpc-0123456789abcdef0"
  cidr_block           = "10.0.2.0/24"
  availability_zone_id = "use1-az1"
}

resource "aws_lb" "mapped" {
  name = "mapped"

  subnet_mapping { # expect: alb-subnets-single-az
    subnet_id = aws_subnet.one.id
  }

  subnet_mapping {
    subnet_id = aws_subnet.two.id
  }
}

# zone names and zone ids cannot be compared: not judged
resource "aws_lb" "mixed_identities" {
  name    = "mixed"
  subnets = [aws_subnet.one.id, aws_subnet.by_zone_id.id]
}
