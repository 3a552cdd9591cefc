variable "vpc_id" {
  type = string
}

resource "aws_security_group" "this" {
  name   = "web"
  vpc_id = var.vpc_id # expect: vpc-id-malformed
}
