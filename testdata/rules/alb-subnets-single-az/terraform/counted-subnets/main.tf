variable "zones" {
  type    = list(string)
  default = ["eu-west-1a"]
}

variable "unknown_count" {
  type = number
}

resource "aws_subnet" "public" { # evidence: alb-subnets-single-az resource
  count             = length(var.zones)
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = var.zones[count.index]
}

resource "aws_subnet" "many" {
  count      = var.unknown_count
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = cidrsubnet("10.1.0.0/16", 8, count.index)
}

resource "aws_lb" "from_splat" {
  name    = "from-splat"
  subnets = aws_subnet.public[*].id # expect: alb-subnets-single-az
}

# a splat over a count that is not known may be many subnets: not judged
resource "aws_lb" "unknown_count" {
  name    = "unknown-count"
  subnets = aws_subnet.many[*].id
}
