resource "aws_ecs_service" "guarded" {
  name            = "guarded"
  cluster         = "app-cluster"
  task_definition = "app:3"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "code_deploy" {
  name            = "code-deploy"
  cluster         = "app-cluster"
  task_definition = "app:3"

  deployment_controller {
    type = "CODE_DEPLOY"
  }
}
