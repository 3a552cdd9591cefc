variable "scan" {
  type    = bool
  default = false # evidence: ecr-scan-on-push-disabled value
}

variable "repositories" {
  type    = set(string)
  default = ["api", "web"]
}

variable "unknown_scan" {
  type = bool
}

resource "aws_ecr_repository" "repo" { # expect: ecr-lifecycle-policy-missing
  for_each             = var.repositories
  name                 = each.key
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = var.scan # expect: ecr-scan-on-push-disabled
  }
}

resource "aws_ecr_repository" "unknown" { # expect: ecr-lifecycle-policy-missing
  name                 = "unknown"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = var.unknown_scan
  }
}
