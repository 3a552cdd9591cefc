variable "network_mode" {
  type    = string
  default = "awsvpc"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]
  network_mode             = var.network_mode # evidence: ecs-awsvpc-network-configuration-missing resource
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    memory       = 256
    portMappings = [{ containerPort = 80 }]
  }])
}

resource "aws_ecs_service" "app" { # expect: ecs-awsvpc-network-configuration-missing
  name            = "app"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
