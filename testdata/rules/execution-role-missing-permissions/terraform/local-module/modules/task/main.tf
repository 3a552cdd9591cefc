variable "execution_role_arn" {
  type = string
}

variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = var.execution_role_arn # expect: execution-role-missing-permissions
  container_definitions    = jsonencode([{ name = "worker", image = var.image }])
}
