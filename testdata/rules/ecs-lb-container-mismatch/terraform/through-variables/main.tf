variable "container_name" {
  type    = string
  default = "api"
}

variable "container_port" {
  type    = number
  default = 3000
}

variable "image_tag" {
  type = string
}

locals {
  containers = [{
    name         = var.container_name
    image        = "node:${var.image_tag}"
    portMappings = [{ containerPort = var.container_port }]
  }]
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode(local.containers)
}

resource "aws_ecs_service" "api" {
  count           = 2
  name            = "api-${count.index}"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef"
    container_name   = var.container_name
    container_port   = 8080 # expect: ecs-lb-container-mismatch
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "matching" {
  name            = "matching"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef"
    container_name   = "api"
    container_port   = var.container_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
