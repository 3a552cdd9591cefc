resource "aws_ecr_repository" "default" { # expect: ecr-scan-on-push-disabled, ecr-lifecycle-policy-missing
  name                 = "default"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "off" { # expect: ecr-lifecycle-policy-missing
  name                 = "off"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = false # expect: ecr-scan-on-push-disabled
  }
}

resource "aws_ecr_repository" "on" { # expect: ecr-lifecycle-policy-missing
  name                 = "on"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
