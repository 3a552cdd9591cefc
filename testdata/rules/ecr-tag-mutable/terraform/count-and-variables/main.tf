variable "mutability" {
  type    = string
  default = "MUTABLE" # evidence: ecr-tag-mutable value
}

variable "repositories" {
  type    = list(string)
  default = ["frontend", "backend"]
}

resource "aws_ecr_repository" "service" { # expect: ecr-lifecycle-policy-missing
  image_scanning_configuration {
    scan_on_push = true
  }
  count                = length(var.repositories)
  name                 = var.repositories[count.index]
  image_tag_mutability = var.mutability # expect: ecr-tag-mutable
}
