resource "aws_ecr_repository" "default" { # expect: ecr-scan-on-push-disabled
  name                 = "default"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "off" {
  name                 = "off"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = false # expect: ecr-scan-on-push-disabled
  }
}

resource "aws_ecr_repository" "on" {
  name                 = "on"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
