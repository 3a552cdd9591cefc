resource "aws_appautoscaling_target" "ecs" {
  service_namespace  = "ecs"
  resource_id        = "service/app-cluster/app"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 4 # expect: autoscaling-min-exceeds-max
  max_capacity       = 2 # evidence: autoscaling-min-exceeds-max value
}

resource "aws_appautoscaling_target" "equal" {
  service_namespace  = "ecs"
  resource_id        = "service/app-cluster/worker"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 3
  max_capacity       = 3
}
