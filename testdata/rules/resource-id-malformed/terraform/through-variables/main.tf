variable "private_subnets" {
  type    = list(string)
  default = ["subnet-0123456789abcdef0", "10.0.2.0/24"] # evidence: resource-id-malformed value
}

resource "aws_db_subnet_group" "main" {
  name       = "main"
  subnet_ids = var.private_subnets # expect: resource-id-malformed
}
