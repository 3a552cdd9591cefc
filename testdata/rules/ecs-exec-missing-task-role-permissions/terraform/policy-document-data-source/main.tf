# The task role's trust and permissions written with data "aws_iam_policy_document".
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "control_only" {
  statement {
    actions   = ["ssmmessages:CreateControlChannel", "ssmmessages:OpenControlChannel"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "half" {
  name               = "half"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "half" {
  role   = aws_iam_role.half.id
  policy = data.aws_iam_policy_document.control_only.json
}

resource "aws_ecs_task_definition" "half" {
  family                   = "half"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = aws_iam_role.half.arn
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

# lookalike: the data channel actions come in through an override document
data "aws_iam_policy_document" "exec" {
  source_policy_documents = [data.aws_iam_policy_document.control_only.json]
  override_policy_documents = [jsonencode({
    Statement = [{
      Sid      = "DataChannel"
      Effect   = "Allow"
      Action   = ["ssmmessages:CreateDataChannel", "ssmmessages:OpenDataChannel"]
      Resource = "*"
    }]
  })]
}

resource "aws_iam_role" "full" {
  name               = "full"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "full" {
  role   = aws_iam_role.full.id
  policy = data.aws_iam_policy_document.exec.json
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
