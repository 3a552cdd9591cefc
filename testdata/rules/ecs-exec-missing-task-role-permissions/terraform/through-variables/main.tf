variable "enable_exec" {
  type    = bool
  default = true # evidence: ecs-exec-missing-task-role-permissions value
}

variable "task_role_arn" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "app" {
  count                  = 2
  name                   = "app-${count.index}"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.app.arn
  launch_type            = "FARGATE"
  enable_execute_command = var.enable_exec # expect: ecs-exec-missing-task-role-permissions

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_task_definition" "unknown_role" {
  family                   = "unknown-role"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = var.task_role_arn
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "unknown_role" {
  name                   = "unknown-role"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.unknown_role.arn
  launch_type            = "FARGATE"
  enable_execute_command = true

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
