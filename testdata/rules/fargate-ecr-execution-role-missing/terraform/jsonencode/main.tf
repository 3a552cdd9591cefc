resource "aws_ecr_repository" "app" { # expect: ecr-lifecycle-policy-missing # evidence: fargate-ecr-execution-role-missing resource
  image_scanning_configuration {
    scan_on_push = true
  }
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "app" { # expect: fargate-ecr-execution-role-missing
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.app.repository_url}:1.4.2"
      essential = true
    }
  ])
}

resource "aws_ecs_task_definition" "null_role" { # expect: fargate-ecr-execution-role-missing
  family                   = "null-role"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = null
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:0b6cf4b5d1d0b8e2e2a1f4c3d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7"
    }
  ])
}
