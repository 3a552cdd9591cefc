resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80 }]
  }])
}

resource "aws_lb_target_group" "default_type" { # evidence: target-group-type-incompatible resource
  name     = "default-type"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_target_group" "ip" {
  name        = "ip"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = "vpc-0123456789abcdef0"
  target_type = "ip"
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.default_type.arn # expect: target-group-type-incompatible
    container_name   = "app"
    container_port   = 80
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.ip.arn
    container_name   = "app"
    container_port   = 80
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# lookalike: bridge-mode tasks on EC2 use instance target groups
resource "aws_ecs_task_definition" "bridge" {
  family       = "bridge"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    memory       = 256
    portMappings = [{ containerPort = 80 }]
  }])
}

resource "aws_ecs_service" "bridge" {
  name            = "bridge"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.bridge.arn
  desired_count   = 1

  load_balancer {
    target_group_arn = aws_lb_target_group.default_type.arn
    container_name   = "app"
    container_port   = 80
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
