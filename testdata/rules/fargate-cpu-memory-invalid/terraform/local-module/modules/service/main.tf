variable "name" {
  type = string
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = var.name, image = "nginx:1.27" }])
}
