variable "max_tasks" {
  type = number
}

resource "aws_appautoscaling_target" "equal" {
  service_namespace  = "ecs"
  resource_id        = "service/app-cluster/app"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 2
}

resource "aws_appautoscaling_target" "unknown_max" {
  service_namespace  = "ecs"
  resource_id        = "service/app-cluster/worker"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 10
  max_capacity       = var.max_tasks
}
