variable "environment_bucket" {
  type    = string
  default = "app-config"
}

resource "aws_iam_role" "execution" { # evidence: execution-role-missing-permissions resource
  name = "app-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["ecs-tasks.amazonaws.com"] } }]
  })
}

resource "aws_iam_role_policy_attachment" "managed" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_policy" "parameters" {
  name = "app-parameters"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter*", Resource = "*" }]
  })
}

resource "aws_iam_role_policy_attachment" "parameters" {
  role       = aws_iam_role.execution.name
  policy_arn = aws_iam_policy.parameters.arn
}

resource "aws_ssm_parameter" "token" {
  name  = "/app/token"
  type  = "SecureString"
  value = "placeholder"
}

resource "aws_ecs_task_definition" "env_files" {
  family                   = "env-files"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name             = "app"
    image            = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    secrets          = [{ name = "TOKEN", valueFrom = aws_ssm_parameter.token.arn }]
    environmentFiles = [{ type = "s3", value = "arn:aws:s3:::${var.environment_bucket}/app.env" }]
  }])
}
