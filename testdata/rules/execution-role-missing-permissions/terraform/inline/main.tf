locals {
  ecs_trust = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

# no policy at all
resource "aws_iam_role" "bare" {
  name               = "bare-execution"
  assume_role_policy = local.ecs_trust
}

resource "aws_ecs_task_definition" "ecr_and_logs" {
  family                   = "ecr-and-logs"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.bare.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/app"
        awslogs-region        = "us-east-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
}

# an inline policy for ECR only; the task also reads secrets from Secrets Manager
resource "aws_iam_role" "ecr_only" {
  name               = "ecr-only-execution"
  assume_role_policy = local.ecs_trust

  inline_policy {
    name = "ecr"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["ecr:*"], Resource = "*" }]
    })
  }
}

resource "aws_ecs_task_definition" "secrets" {
  family                   = "secrets"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.ecr_only.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }
    ]
  }])
}

# trusted by the wrong service
resource "aws_iam_role" "lambda_role" {
  name = "lambda-role"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

resource "aws_ecs_task_definition" "wrong_trust" {
  family                   = "wrong-trust"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.lambda_role.arn # expect: execution-role-missing-permissions
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

# lookalikes: a full wildcard, the managed policy, and a task that needs nothing
resource "aws_iam_role" "admin" {
  name                = "admin-execution"
  assume_role_policy  = local.ecs_trust
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_ecs_task_definition" "admin" {
  family                   = "admin"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.admin.arn
  container_definitions = jsonencode([{
    name    = "app"
    image   = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    secrets = [{ name = "TOKEN", valueFrom = "/app/token" }]
  }])
}

resource "aws_ecs_task_definition" "needs_nothing" {
  family                   = "needs-nothing"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.bare.arn
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
