resource "aws_iam_role" "execution" {
  name = "worker-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "logs_only" {
  name = "logs"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }]
  })
}

module "worker" {
  source             = "./modules/task"
  execution_role_arn = aws_iam_role.execution.arn # evidence: execution-role-missing-permissions value
  image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:2.0.1"
}
