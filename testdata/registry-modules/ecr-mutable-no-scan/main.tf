# The ecr module with mutable tags and scanning turned off: both settings come in through the call's arguments,
# so the findings are reported on those lines, not in the module's code.
module "ecr" {
  source  = "terraform-aws-modules/ecr/aws"
  version = "~> 2.0"

  repository_name                 = "app"
  repository_image_tag_mutability = "MUTABLE" # expect: ecr-tag-mutable
  repository_image_scan_on_push   = false     # expect: ecr-scan-on-push-disabled

  repository_lifecycle_policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last 30 images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 30 }
      action       = { type = "expire" }
    }]
  })
}
