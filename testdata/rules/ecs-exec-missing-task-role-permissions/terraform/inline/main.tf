locals {
  ecs_trust = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_ecs_task_definition" "no_task_role" { # evidence: ecs-exec-missing-task-role-permissions resource
  family                   = "no-task-role"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "no_task_role" {
  name                   = "no-task-role"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.no_task_role.arn
  launch_type            = "FARGATE"
  enable_execute_command = true # expect: ecs-exec-missing-task-role-permissions

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_iam_role" "task" {
  name               = "app-task"
  assume_role_policy = local.ecs_trust
}

resource "aws_iam_role_policy" "half" {
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:OpenControlChannel"]
      Resource = "*"
    }]
  })
}

resource "aws_ecs_task_definition" "half" {
  family                   = "half"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "half" {
  name                   = "half"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.half.arn
  launch_type            = "FARGATE"
  enable_execute_command = true # expect: ecs-exec-missing-task-role-permissions

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# lookalikes: exec off, and a role with ssmmessages:*
resource "aws_ecs_service" "exec_off" {
  name                   = "exec-off"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.no_task_role.arn
  launch_type            = "FARGATE"
  enable_execute_command = false

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_iam_role" "full" {
  name               = "full-task"
  assume_role_policy = local.ecs_trust

  inline_policy {
    name = "exec"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "ssmmessages:*", Resource = "*" }]
    })
  }
}

resource "aws_ecs_task_definition" "full" {
  family                   = "full"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = aws_iam_role.full.arn
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "full" {
  name                   = "full"
  cluster                = "app-cluster"
  task_definition        = aws_ecs_task_definition.full.arn
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
