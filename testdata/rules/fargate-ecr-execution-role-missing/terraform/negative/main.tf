variable "execution_role_arn" {
  type = string
}

variable "image" {
  type = string
}

resource "aws_iam_role" "execution" {
  name = "app-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "with_role" {
  family                   = "with-role"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0.0"
  }])
}

# role from a variable without a value: may be set, not judged
resource "aws_ecs_task_definition" "role_from_variable" {
  family                   = "role-from-variable"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = var.execution_role_arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0.0"
  }])
}

# Docker Hub and an unknown image need no role for ECR
resource "aws_ecs_task_definition" "not_ecr" {
  family                   = "not-ecr"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27.3" },
    { name = "app", image = var.image }
  ])
}

# EC2 launch type: the container instance role pulls the image
resource "aws_ecs_task_definition" "ec2_only" {
  family                   = "ec2-only"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name   = "app"
    image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0.0"
    memory = 256
  }])
}
