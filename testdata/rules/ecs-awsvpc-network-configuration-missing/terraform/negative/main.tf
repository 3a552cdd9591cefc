variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "awsvpc"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  container_definitions = jsonencode([{
    name   = "app"
    image  = "nginx:1.27"
    memory = 256
  }])
}

resource "aws_ecs_service" "configured" {
  name            = "configured"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.awsvpc.arn
  desired_count   = 2

  network_configuration {
    subnets         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# lookalike: bridge mode needs no network configuration
resource "aws_ecs_task_definition" "bridge" {
  family       = "bridge"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name   = "app"
    image  = "nginx:1.27"
    memory = 256
  }])
}

resource "aws_ecs_service" "bridge" {
  name            = "bridge"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.bridge.arn
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# the task definition's network mode is not known before apply
resource "aws_ecs_task_definition" "unknown" {
  family       = "unknown"
  network_mode = var.network_mode
  container_definitions = jsonencode([{
    name   = "app"
    image  = "nginx:1.27"
    memory = 256
  }])
}

resource "aws_ecs_service" "unknown" {
  name            = "unknown"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.unknown.arn
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# an EXTERNAL deployment controller: task sets carry the network configuration
resource "aws_ecs_service" "external" {
  name            = "external"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.awsvpc.arn
  desired_count   = 2

  deployment_controller {
    type = "EXTERNAL"
  }
}
