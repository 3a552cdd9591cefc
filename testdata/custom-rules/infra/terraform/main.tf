# Sample infrastructure for the example rules: an ECS cluster with two Fargate services, S3 buckets and SQS
# queues. The worker service, the legacy bucket and the events queue break Acme's rules on purpose.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      CostCenter = "platform"
    }
  }
}

resource "aws_ecs_cluster" "main" {
  name = "acme"
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "acme-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "api_task" {
  name                 = "acme-api-task"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks.json
  permissions_boundary = "arn:aws:iam::123456789012:policy/acme-workload-boundary"
}

resource "aws_iam_role" "worker_task" {
  name               = "acme-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.api_task.arn
  container_definitions = jsonencode([{
    name      = "api"
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
  }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  task_role_arn            = aws_iam_role.worker_task.arn
  container_definitions = jsonencode([{
    name      = "worker"
    image     = "public.ecr.aws/docker/library/python:3.12"
    essential = true
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  tags = {
    Owner = "team-api"
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  tags = {
    Name = "worker"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-web-assets"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-exports"
}

# preflight:ignore acme-bucket-name-prefix scratch space for the load tests, emptied and deleted every night
resource "aws_s3_bucket" "scratch" {
  bucket = "loadtest-scratch"
}

resource "aws_sqs_queue" "jobs" {
  name                    = "acme-jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "events" {
  name = "acme-events"
}
