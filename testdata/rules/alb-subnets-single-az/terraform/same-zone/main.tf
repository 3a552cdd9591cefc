resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "public_a2" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = aws_subnet.public_a.availability_zone
}

resource "aws_subnet" "public_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_lb" "same_zone" {
  name               = "same-zone"
  load_balancer_type = "application"
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_a2.id] # expect: alb-subnets-single-az
}

resource "aws_alb" "legacy_name_default_type" {
  name    = "legacy"
  subnets = [aws_subnet.public_a2.id, aws_subnet.public_a.id] # expect: alb-subnets-single-az
}

resource "aws_lb" "two_zones" {
  name               = "two-zones"
  load_balancer_type = "application"
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_lb" "network_one_zone" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = [aws_subnet.public_a.id]
}
