variable "vpc_id" {
  type = string
}

variable "cidrs" {
  type = map(string)
}

resource "aws_subnet" "this" {
  for_each   = var.cidrs
  vpc_id     = var.vpc_id
  cidr_block = each.value # expect: subnet-cidr-outside-vpc
}
