# On EC2 container instances the instance role pulls ECR images and writes awslogs; AWS documents the execution
# role for those on Fargate, ECS Managed Instances and external instances. A task definition that can only run on
# EC2 is asked for the secret permissions alone.
resource "aws_iam_role" "execution" {
  name = "app-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
  inline_policy {
    name = "nothing-for-images"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "*" }]
    })
  }
}

# lookalike: an ECR image and awslogs on EC2 only, with an execution role that allows neither
resource "aws_ecs_task_definition" "ec2_ecr" {
  family                   = "ec2-ecr"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name   = "app"
    image  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    memory = 256
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "app", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" }
    }
  }])
}

# still reported on EC2: secrets are fetched with the execution role wherever the task runs
resource "aws_ecs_task_definition" "ec2_secret" {
  family                   = "ec2-secret"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  execution_role_arn       = aws_iam_role.execution.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name    = "app"
    image   = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
    memory  = 256
    secrets = [{ name = "TOKEN", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-token-AbCdEf" }]
  }])
}

# still reported when the task may run on Fargate too
resource "aws_ecs_task_definition" "both" {
  family                   = "both"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn # expect: execution-role-missing-permissions
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
  }])
}
