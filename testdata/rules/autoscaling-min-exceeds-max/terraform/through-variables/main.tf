variable "capacity" {
  type = object({ min = number, max = number })
}

variable "unknown_max" {
  type = number
}

locals {
  services = { api = 1, web = 2 }
}

resource "aws_appautoscaling_target" "svc" {
  for_each           = local.services
  service_namespace  = "ecs"
  resource_id        = "service/app-cluster/${each.key}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.capacity.min # expect: autoscaling-min-exceeds-max
  max_capacity       = var.capacity.max
}

resource "aws_appautoscaling_target" "unknown" {
  service_namespace  = "dynamodb"
  resource_id        = "table/orders"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = var.unknown_max
}
