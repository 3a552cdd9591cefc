variable "image_tag" {
  type = string
}

variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { name = "versioned", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${var.image_tag}", memory = 128 },
    { name = "whole", image = var.image, memory = 128 },
    { name = "digest", image = "ghcr.io/org/app@sha256:0b6cf4b5d1d0b8e2e2a1f4c3d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7", memory = 128 },
    { name = "port", image = "registry.example.com:5000/team/app:2.3.4", memory = 128 }
  ])
}
