variable "target_type" {
  type    = string
  default = "instance"
}

variable "unknown_type" {
  type = string
}

locals {
  network_mode = "awsvpc"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = local.network_mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "api"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 8080 }]
  }])
}

resource "aws_alb_target_group" "api" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = "vpc-0123456789abcdef0"
  target_type = var.target_type
}

resource "aws_lb_target_group" "unknown" {
  name        = "unknown"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = "vpc-0123456789abcdef0"
  target_type = var.unknown_type
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_alb_target_group.api.arn # expect: target-group-type-incompatible
    container_name   = "api"
    container_port   = 8080
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.unknown.arn
    container_name   = "api"
    container_port   = 8080
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
