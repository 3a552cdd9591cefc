variable "cpu" {
  type = string
}

variable "memory" {
  type = string
}

variable "compatibilities" {
  type = list(string)
}

resource "aws_ecs_task_definition" "unknown_cpu" {
  family                   = "unknown-cpu"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = "3072"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unknown_launch_type" {
  family                   = "unknown-launch-type"
  requires_compatibilities = var.compatibilities
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unknown_memory" {
  family                   = "unknown-memory"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = var.memory
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", memory = 1024 }])
}
