resource "aws_ecr_repository" "default_mutability" { # expect: ecr-tag-mutable, ecr-lifecycle-policy-missing
  image_scanning_configuration {
    scan_on_push = true
  }
  name = "app"
}

resource "aws_ecr_repository" "explicitly_mutable" { # expect: ecr-lifecycle-policy-missing
  image_scanning_configuration {
    scan_on_push = true
  }
  name                 = "worker"
  image_tag_mutability = "MUTABLE" # expect: ecr-tag-mutable
}

resource "aws_ecr_repository" "immutable" { # expect: ecr-lifecycle-policy-missing
  image_scanning_configuration {
    scan_on_push = true
  }
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}
