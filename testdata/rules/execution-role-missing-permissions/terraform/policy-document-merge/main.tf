# An override document replaces the pull statement, by its sid, with one that no longer allows pulling images.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Pull"
    actions   = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = ["*"]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "narrowed" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({
    Statement = [{ Sid = "Pull", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }]
  })]
}

resource "aws_iam_role" "narrowed" {
  name               = "narrowed"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "narrowed" {
  role   = aws_iam_role.narrowed.id
  policy = data.aws_iam_policy_document.narrowed.json
}

resource "aws_ecs_task_definition" "narrowed" {
  family                   = "narrowed"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.narrowed.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
  }])
}

# lookalike: the override statement has a sid of its own, so it is added and the pull statement stays
data "aws_iam_policy_document" "added" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({
    Statement = [{ Sid = "Extra", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }]
  })]
}

resource "aws_iam_role" "added" {
  name               = "added"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "added" {
  role   = aws_iam_role.added.id
  policy = data.aws_iam_policy_document.added.json
}

resource "aws_ecs_task_definition" "added" {
  family                   = "added"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.added.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
  }])
}
