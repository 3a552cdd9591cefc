variable "name" {}
variable "stage" {}

resource "aws_ecs_task_definition" "this" {
  family = var.name
  container_definitions = templatefile("${path.module}/templates/task.json.tftpl", {
    name  = var.name
    image = "public.ecr.aws/docker/library/httpd:2.4"
    stage = var.stage
  })
}

resource "aws_iam_role_policy" "this" {
  name   = var.name
  role   = "some-role"
  policy = templatefile("${path.module}/templates/policy.json.tftpl", { actions = ["s3:GetObject", "s3:ListBucket"] })
}
