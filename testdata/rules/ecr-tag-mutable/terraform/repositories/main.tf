resource "aws_ecr_repository" "default_mutability" { # expect: ecr-tag-mutable
  name = "app"
}

resource "aws_ecr_repository" "explicitly_mutable" {
  name                 = "worker"
  image_tag_mutability = "MUTABLE" # expect: ecr-tag-mutable
}

resource "aws_ecr_repository" "immutable" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}
