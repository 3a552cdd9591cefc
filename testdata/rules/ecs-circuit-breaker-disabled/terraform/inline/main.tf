resource "aws_ecs_service" "no_breaker" { # expect: ecs-circuit-breaker-disabled
  name            = "no-breaker"
  cluster         = "app-cluster"
  task_definition = "app:3"
  desired_count   = 2
}

resource "aws_ecs_service" "no_rollback" {
  name            = "no-rollback"
  cluster         = "app-cluster"
  task_definition = "app:3"

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = false # expect: ecs-circuit-breaker-disabled
  }
}

# lookalikes: breaker on, CodeDeploy and external controllers
resource "aws_ecs_service" "guarded" {
  name            = "guarded"
  cluster         = "app-cluster"
  task_definition = "app:3"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "blue_green" {
  name            = "blue-green"
  cluster         = "app-cluster"
  task_definition = "app:3"

  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

resource "aws_ecs_service" "external" {
  name    = "external"
  cluster = "app-cluster"

  deployment_controller {
    type = "EXTERNAL"
  }
}
