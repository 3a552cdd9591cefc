variable "mutability" {
  type = string
}

resource "aws_ecr_repository" "from_variable" {
  name                 = "from-variable"
  image_tag_mutability = var.mutability
}

resource "aws_ecr_repository" "immutable" {
  name                 = "immutable"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
