variable "image_tag" {
  type    = string
  default = "latest"
}

resource "aws_ecr_repository" "app" { # expect: ecr-lifecycle-policy-missing # evidence: image-latest-tag resource
  image_scanning_configuration {
    scan_on_push = true
  }
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

locals {
  sidecar = {
    name  = "log-router"
    image = "registry.example.com:5000/fluent-bit"
  }
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  # the sidecar's image comes from a local: the finding points at container_definitions
  container_definitions = jsonencode([ # expect: image-latest-tag
    {
      name   = "app"
      image  = "${aws_ecr_repository.app.repository_url}:${var.image_tag}" # expect: image-latest-tag
      memory = 512
    },
    {
      name   = "bare"
      image  = aws_ecr_repository.app.repository_url # expect: image-latest-tag
      memory = 128
    },
    {
      name   = "pinned"
      image  = "nginx:1.27.3"
      memory = 128
    },
    local.sidecar
  ])
}

resource "aws_ecs_task_definition" "docker_hub" {
  family = "docker-hub"
  container_definitions = jsonencode([{
    name   = "web"
    image  = "nginx" # expect: image-latest-tag
    memory = 128
  }])
}
