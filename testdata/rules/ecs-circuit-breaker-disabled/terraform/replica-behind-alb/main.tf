# Lookalikes of the exemptions that are still reported: a service that says REPLICA explicitly, and one behind a
# target group (an Application or Network Load Balancer), where the circuit breaker applies.
variable "scheduling" {
  type    = string
  default = "REPLICA"
}

resource "aws_ecs_service" "replica" { # expect: ecs-circuit-breaker-disabled
  name                = "replica"
  cluster             = "app-cluster"
  task_definition     = "app:3"
  desired_count       = 2
  scheduling_strategy = var.scheduling
}

resource "aws_ecs_service" "behind_alb" { # expect: ecs-circuit-breaker-disabled
  name            = "behind-alb"
  cluster         = "app-cluster"
  task_definition = "app:3"
  desired_count   = 2

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/0123456789abcdef"
    container_name   = "app"
    container_port   = 8080
  }
}
