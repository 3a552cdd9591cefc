variable "mutability" {
  type    = string
  default = "MUTABLE"
}

variable "repositories" {
  type    = list(string)
  default = ["frontend", "backend"]
}

resource "aws_ecr_repository" "service" {
  count                = length(var.repositories)
  name                 = var.repositories[count.index]
  image_tag_mutability = var.mutability # expect: ecr-tag-mutable
}
