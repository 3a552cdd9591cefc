variable "vpc_id" {
  type = string
}

variable "name" {
  type = string
}

variable "settings" {
  type = object({
    cidr   = string
    az     = optional(string, "us-east-1c")
    public = optional(bool, true)
    tags   = optional(map(string))
  })
}

locals {
  kind = var.settings.public ? "public" : "private"
}

resource "aws_subnet" "this" {
  vpc_id                  = var.vpc_id
  cidr_block              = var.settings.cidr
  availability_zone       = var.settings.az
  map_public_ip_on_launch = var.settings.public
  tags                    = merge({ Name = "${var.name}-${local.kind}" }, var.settings.tags)
}

output "description" {
  value = "${var.name} is ${local.kind} in ${var.settings.az}"
}

output "subnet_id" {
  value = aws_subnet.this.id
}
