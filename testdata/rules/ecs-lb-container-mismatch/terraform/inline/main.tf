resource "aws_ecs_task_definition" "app" { # evidence: ecs-lb-container-mismatch resource
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "nginx:1.27"
      portMappings = [{ containerPort = 80 }, { containerPort = 443 }]
    },
    {
      name  = "log-router"
      image = "amazon/aws-for-fluent-bit:2.32.2"
    }
  ])
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = "vpc-0123456789abcdef0"
  target_type = "ip"
}

resource "aws_ecs_service" "renamed_container" {
  name            = "renamed"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "app" # expect: ecs-lb-container-mismatch
    container_port   = 80
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "wrong_port" {
  name            = "wrong-port"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080 # expect: ecs-lb-container-mismatch
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 443
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
