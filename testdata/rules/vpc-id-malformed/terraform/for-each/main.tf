variable "groups" {
  type = map(string)
  default = { # evidence: vpc-id-malformed value
    web = "vpc-0123456789abcdef0"
    db  = "10.20.0.0/16"
  }
}

resource "aws_security_group" "by_name" {
  for_each = var.groups
  name     = each.key
  vpc_id   = each.value # expect: vpc-id-malformed
}
