variable "task_cpu" {
  type    = string
  default = "2 vCPU"
}

variable "task_memory" {
  type = number
}

locals {
  compatibilities = ["FARGATE"]
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = local.compatibilities
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = "worker", image = "busybox:1.36" }])
}
