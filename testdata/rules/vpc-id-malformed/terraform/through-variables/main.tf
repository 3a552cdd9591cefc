variable "vpc_id" {
  description = "VPC of the service"
  type        = string
}

variable "network" {
  type = object({ vpc = string, cidr = string })
  default = {
    vpc  = "vpc-0123456789abcdef0"
    cidr = "10.0.0.0/16"
  }
}

locals {
  vpc_cidr = var.network.cidr
}

resource "aws_security_group" "from_tfvars" {
  name   = "from-tfvars"
  vpc_id = var.vpc_id # expect: vpc-id-malformed
}

resource "aws_security_group" "from_local" {
  name   = "from-local"
  vpc_id = local.vpc_cidr # expect: vpc-id-malformed
}

resource "aws_security_group" "right_field" {
  name   = "right-field"
  vpc_id = var.network.vpc
}
