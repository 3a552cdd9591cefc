variable "enable_breaker" {
  type    = bool
  default = false # evidence: ecs-circuit-breaker-disabled value
}

variable "services" {
  type    = set(string)
  default = ["orders", "payments"]
}

variable "controller" {
  type = string
}

resource "aws_ecs_service" "svc" {
  for_each        = var.services
  name            = each.key
  cluster         = "app-cluster"
  task_definition = "${each.key}:1"

  deployment_circuit_breaker {
    enable   = var.enable_breaker # expect: ecs-circuit-breaker-disabled
    rollback = true
  }
}

resource "aws_ecs_service" "unknown_controller" {
  name            = "unknown-controller"
  cluster         = "app-cluster"
  task_definition = "app:1"

  deployment_controller {
    type = var.controller
  }
}
