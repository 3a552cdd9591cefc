variable "extra_role" {
  type = string
}

# a role with an attachment whose role is not known: silent
resource "aws_iam_role" "maybe" {
  name = "maybe-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "maybe" {
  role       = var.extra_role
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "maybe" {
  family                   = "maybe"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.maybe.arn
  container_definitions    = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2" }])
}
