variable "family" {
  type = string
}

variable "containers" {
  type = list(object({ name = string, image = string }))
}

variable "execution_role_arn" {
  type    = string
  default = null
}

resource "aws_ecs_task_definition" "this" { # expect: fargate-ecr-execution-role-missing
  family                   = var.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = var.execution_role_arn
  container_definitions    = jsonencode(var.containers)
}
