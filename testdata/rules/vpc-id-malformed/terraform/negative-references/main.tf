# references and unknown values: nothing is reported

variable "vpc_id" {
  type = string
}

data "aws_vpc" "shared" {
  tags = {
    Name = "shared"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "resource_ref" {
  name   = "a"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "data_ref" {
  name   = "b"
  vpc_id = data.aws_vpc.shared.id
}

resource "aws_security_group" "unknown_variable" {
  name   = "c"
  vpc_id = var.vpc_id
}
