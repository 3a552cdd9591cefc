variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unknown" {
  family                   = "unknown"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
