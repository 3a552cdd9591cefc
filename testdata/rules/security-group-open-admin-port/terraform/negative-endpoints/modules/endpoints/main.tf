variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

resource "aws_vpc_endpoint" "this" {
  for_each            = toset(["ecr.api", "ecr.dkr", "ssm"])
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.us-east-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids
}
